import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ClinicDetailsForm } from "@/components/onboarding/clinic-details-form";

/** Creating a clinic: the person becomes its admin and goes on to the walk-through. */
export function CreateClinicCard({ zones, first }: { zones: string[]; first: boolean }) {
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle>
          <h1>{first ? "Create your clinic" : "Create another clinic"}</h1>
        </CardTitle>
        <CardDescription>
          You become its admin. Next: opening hours, procedures, practitioners, the phone number and
          a test call — each step can be left and picked up later.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ClinicDetailsForm mode="create" zones={zones} />
      </CardContent>
    </Card>
  );
}
