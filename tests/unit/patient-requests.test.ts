import { describe, expect, it } from "vitest";

import { escapeHtml, exportHtml } from "@/lib/privacy/export-html";
import { AREA_INFO, AREAS, PERSONAL_COLUMNS } from "@/lib/privacy/registry";
import { erasureSchema, subjectSchema } from "@/lib/validations/privacy";

describe("a patient request's subject", () => {
  it("takes a number as people type it, in E.164", () => {
    expect(subjectSchema.parse({ phone: " +1 (212) 555-0100 " })).toEqual({
      phone: "+12125550100",
      patientId: null,
    });
  });

  it("refuses a number not in international format, neither or both, with sentences", () => {
    for (const phone of ["12125550100", "+0123456789", "+1 555", "call me", ""]) {
      const parsed = subjectSchema.safeParse({ phone });
      expect(parsed.success, phone).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe(
        "Enter the patient's number in international format, e.g. +15555550100.",
      );
    }
    expect(subjectSchema.safeParse({}).error!.issues[0]!.message).toBe(
      "Give either the patient's number or their patient id.",
    );
    expect(
      subjectSchema.safeParse({
        phone: "+12125550100",
        patientId: "8d0f5f8e-6c4b-4c1e-9a55-0d2b7a6c4e11",
      }).success,
    ).toBe(false);
  });

  it("erases only when the number is typed again exactly (formatting aside)", () => {
    const subject = { phone: "+12125550100" };
    expect(erasureSchema.safeParse({ subject, confirm: "+1 212 555 0100" }).success).toBe(true);
    expect(erasureSchema.safeParse({ subject, confirm: "+12125550101" }).success).toBe(false);
    expect(erasureSchema.safeParse({ subject }).success).toBe(false);
  });
});

describe("the registry", () => {
  it("describes every area, and puts every personal column in a table of one", () => {
    expect(Object.keys(AREA_INFO).sort()).toEqual([...AREAS].sort());
    const tables = new Set(Object.values(AREA_INFO).map((info) => info.table));
    for (const column of Object.keys(PERSONAL_COLUMNS))
      expect(tables).toContain(column.split(".").slice(0, 2).join("."));
  });
});

describe("the export's summary", () => {
  it("escapes everything it shows and carries no script", () => {
    expect(escapeHtml(`<b>"O'Neil" & co</b>`)).toBe(
      "&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;",
    );
    const page = exportHtml({
      clinic: "Harbour <Aesthetics>",
      subject: { phone: "+12125550100", patientId: null },
      exportedAt: "2026-12-01T10:00:00.000Z",
      areas: [
        {
          area: "smsMessages",
          label: "Text messages (inbox)",
          table: "public.sms_messages",
          count: 1,
          rows: [
            { body: "<script>alert(1)</script>", clinic_id: "x", media_count: 0, to_number: null },
          ],
        },
      ],
    });
    expect(page).toContain("Data Harbour &lt;Aesthetics&gt; holds about +12125550100");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script");
    expect(page).toContain('<th scope="row">Media count</th><td>0</td>');
    expect(page).not.toContain("Clinic id");
    expect(page).not.toContain("To number");
    expect(page).toContain("1 record in 1 area");
  });
});
