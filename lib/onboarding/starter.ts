/**
 * The aesthetic-clinic starter list the walk-through offers: each procedure with a consultation
 * and its treatment or surgery, at durations typical for UK and US aesthetic clinics. The admin
 * edits names and minutes (0 leaves that appointment type out) before importing.
 */
export interface StarterProcedure {
  key: string;
  name: string;
  synonyms: string[];
  description: string;
  /** Minutes; 0: no consultation. */
  consultationMinutes: number;
  main: {
    kind: "treatment" | "surgery";
    /** Minutes; 0: consultation only. */
    minutes: number;
    /** Booked only after a consultation. */
    requiresConsultation: boolean;
    /** Surgery is confirmed by staff; the rest books at once. */
    confirmation: "instant" | "staff";
  };
}

const treatment = (minutes: number, requiresConsultation = false) => ({
  kind: "treatment" as const,
  minutes,
  requiresConsultation,
  confirmation: "instant" as const,
});
const surgery = (minutes: number) => ({
  kind: "surgery" as const,
  minutes,
  requiresConsultation: true,
  confirmation: "staff" as const,
});

export const STARTER_PROCEDURES: StarterProcedure[] = [
  {
    key: "anti-wrinkle",
    name: "Anti-wrinkle injections",
    synonyms: ["Botox", "anti wrinkle", "wrinkle relaxing injections", "tox"],
    description: "Injections that relax the muscles behind expression lines.",
    consultationMinutes: 20,
    main: treatment(30),
  },
  {
    key: "dermal-fillers",
    name: "Dermal fillers",
    synonyms: ["filler", "fillers", "lip filler", "cheek filler", "lip augmentation"],
    description: "Hyaluronic acid fillers to restore volume in lips, cheeks and folds.",
    consultationMinutes: 30,
    main: treatment(45, true),
  },
  {
    key: "profhilo",
    name: "Profhilo",
    synonyms: ["skin booster", "profilo"],
    description: "A skin booster that hydrates and firms, usually two sessions a month apart.",
    consultationMinutes: 20,
    main: treatment(30),
  },
  {
    key: "hydrafacial",
    name: "HydraFacial",
    synonyms: ["hydra facial", "hydrafacial"],
    description: "A cleansing, exfoliating and hydrating facial.",
    consultationMinutes: 0,
    main: treatment(60),
  },
  {
    key: "laser-hair-removal",
    name: "Laser hair removal",
    synonyms: ["laser hair", "hair removal", "LHR"],
    description: "A course of laser sessions; a patch test at the consultation.",
    consultationMinutes: 20,
    main: treatment(45, true),
  },
  {
    key: "chemical-peel",
    name: "Chemical peel",
    synonyms: ["peel", "skin peel"],
    description: "An acid peel to even tone and texture.",
    consultationMinutes: 20,
    main: treatment(45, true),
  },
  {
    key: "microneedling",
    name: "Microneedling",
    synonyms: ["collagen induction therapy", "dermapen", "micro needling"],
    description: "Fine needles to stimulate collagen for scarring and texture.",
    consultationMinutes: 20,
    main: treatment(60),
  },
  {
    key: "facelift",
    name: "Facelift",
    synonyms: ["face lift", "rhytidectomy"],
    description: "Surgery to lift the lower face and neck.",
    consultationMinutes: 45,
    main: surgery(240),
  },
  {
    key: "rhinoplasty",
    name: "Rhinoplasty",
    synonyms: ["nose job", "nose surgery", "nose reshaping"],
    description: "Surgery to reshape the nose.",
    consultationMinutes: 45,
    main: surgery(180),
  },
  {
    key: "blepharoplasty",
    name: "Blepharoplasty",
    synonyms: ["eyelid surgery", "eye lift", "bleph"],
    description: "Surgery on the upper or lower eyelids.",
    consultationMinutes: 45,
    main: surgery(120),
  },
  {
    key: "breast-augmentation",
    name: "Breast augmentation",
    synonyms: ["breast implants", "boob job", "breast enlargement"],
    description: "Surgery to enlarge the breasts with implants.",
    consultationMinutes: 45,
    main: surgery(120),
  },
];

export function starterByKey(key: string): StarterProcedure | undefined {
  return STARTER_PROCEDURES.find((item) => item.key === key);
}
