import { z } from "zod";

// An aftercare leaflet's text (aftercare_documents.body), shown to the patient as HTML on their
// link's page (app/a/[token]). The seeded leaflets' text is supabase/seed/aftercare/content.json,
// from which their PDFs are generated too; an uploaded PDF has none (the page offers the PDF).

const line = z.string().trim().min(1).max(2000);

export const leafletSchema = z.object({
  subtitle: line.optional(),
  intro: line.optional(),
  sections: z
    .array(
      z.object({
        heading: line,
        intro: line.optional(),
        bullets: z.array(line).max(50),
        outro: line.optional(),
      }),
    )
    .max(30),
  disclaimer: line.optional(),
});

export type Leaflet = z.infer<typeof leafletSchema>;

/**
 * The stored text with {clinicName} and {clinicPhone} filled in from the clinic; null when there
 * is none or it is not a leaflet's shape (the page then offers the PDF alone).
 */
export function readLeaflet(
  body: unknown,
  clinic: { name: string; phone: string | null },
): Leaflet | null {
  const parsed = leafletSchema.safeParse(body);
  if (!parsed.success) return null;
  const fill = (text: string) =>
    text
      .replaceAll("{clinicName}", clinic.name)
      .replaceAll("{clinicPhone}", clinic.phone ?? "the clinic");
  const leaflet = parsed.data;
  return {
    subtitle: leaflet.subtitle && fill(leaflet.subtitle),
    intro: leaflet.intro && fill(leaflet.intro),
    sections: leaflet.sections.map((section) => ({
      heading: fill(section.heading),
      intro: section.intro && fill(section.intro),
      bullets: section.bullets.map(fill),
      outro: section.outro && fill(section.outro),
    })),
    disclaimer: leaflet.disclaimer && fill(leaflet.disclaimer),
  };
}
