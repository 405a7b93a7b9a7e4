import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

export interface FunnelStep {
  label: string;
  count: number;
}

const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";

/** Each step's total over the range, with its share of the step before and of the first step. */
export function FunnelTable({ steps, testId }: { steps: FunnelStep[]; testId?: string }) {
  const first = steps[0]?.count ?? 0;
  return (
    <Table stack="md" data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>Step</TableHead>
          <TableHead className="text-right">Count</TableHead>
          <TableHead className="text-right">Of previous</TableHead>
          <TableHead className="text-right">Of first</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {steps.map((step, index) => (
          <TableRow key={step.label} data-testid="funnel-step" data-step={step.label}>
            <TableCell label="Step" className="font-medium">
              {step.label}
            </TableCell>
            <TableCell label="Count" className="text-right tabular-nums" data-testid="funnel-count">
              {step.count}
            </TableCell>
            <TableCell
              label="Of previous"
              className="text-muted-foreground text-right tabular-nums"
            >
              {index === 0 ? "" : percent(step.count, steps[index - 1]!.count)}
            </TableCell>
            <TableCell label="Of first" className="text-muted-foreground text-right tabular-nums">
              {index === 0 ? "" : percent(step.count, first)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
