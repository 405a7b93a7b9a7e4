import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

/** A two-column count table: a label per row and its number of calls. */
export function CountTable({
  heading,
  rows,
  testId,
}: {
  heading: string;
  rows: { label: string; calls: number }[];
  testId?: string;
}) {
  return (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>{heading}</TableHead>
          <TableHead className="text-right">Calls</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableCell className="font-medium">{row.label}</TableCell>
            <TableCell className="text-right tabular-nums">{row.calls}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
