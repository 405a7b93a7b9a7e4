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
    <Table stack="md" data-testid={testId}>
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
            <TableCell label="Calls" className="text-right tabular-nums">
              {row.calls}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
