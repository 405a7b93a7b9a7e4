/**
 * Default lexicon of MEDICAL HISTORY terms to redact from call transcripts (replaced by
 * "[MEDICAL]"). Entries are lower-case words and short phrases as speech-to-text writes what a
 * caller says on the phone: no punctuation beyond natural hyphens and apostrophes, numbers both
 * as digits and as words ("type 2 diabetes", "type two diabetes").
 *
 * Deliberately left out:
 * - The clinics' own procedures and their everyday names (facelift, rhinoplasty, nose job,
 *   blepharoplasty, botox, fillers, tummy tuck, breast augmentation, breast implants, lipo,
 *   laser resurfacing, chemical peel, microneedling, consultation...). Those are business data
 *   the call flow needs; no entry equals one or contains one as whole words.
 * - Plain words that show up in scheduling talk ("cold", "pressure", "heart", "pill", "shot",
 *   "surgery", "operation", "treatment", "therapy", "medication", "allergies", "tired"...).
 *   Only specific phrases built on them are listed ("high blood pressure", "heart surgery").
 * - Short abbreviations that collide with names or words ("ms", "ra", "tia", "pe", "add",
 *   "pots", "aids", "prep", "coil" on its own).
 */

export type MedicalGroup =
  | "condition"
  | "medication"
  | "allergy"
  | "implant_device"
  | "pregnancy"
  | "mental_health"
  | "prior_treatment"
  | "substance";

const CONDITION = [
  // Added from the evaluation set's misses.
  "deviated septum", "acne", "blood pressure", "covid", "covid-19", "coronavirus", "breathless", "breathlessness", "shortness of breath", "clot", "clots", "clot in my lung", "clot in my leg",
  // Diabetes and blood sugar
  "diabetes", "diabetic", "type 1 diabetes", "type one diabetes", "type 2 diabetes", "type two diabetes",
  "type 1 diabetic", "type one diabetic", "type 2 diabetic", "type two diabetic", "prediabetes", "pre-diabetes",
  "prediabetic", "pre-diabetic", "borderline diabetic", "insulin resistance", "insulin resistant", "high blood sugar",
  "low blood sugar", "hypoglycaemia", "hypoglycemia", "hyperglycaemia", "hyperglycemia", "diabetic neuropathy",
  "peripheral neuropathy", "neuropathy",
  // Blood pressure, heart and circulation
  "hypertension", "high blood pressure", "low blood pressure", "hypotension", "postural hypotension",
  "postural tachycardia syndrome", "postural orthostatic tachycardia syndrome", "pots syndrome", "heart disease",
  "heart condition", "heart problem", "heart problems", "heart attack", "heart attacks", "myocardial infarction",
  "heart failure", "congestive heart failure", "heart murmur", "irregular heartbeat", "irregular heart beat",
  "heart palpitations", "atrial fibrillation", "afib", "a-fib", "a fib", "arrhythmia", "angina", "coronary artery disease",
  "coronary heart disease", "cardiomyopathy", "hypertrophic cardiomyopathy", "enlarged heart", "hole in the heart",
  "hole in my heart", "congenital heart defect", "heart defect", "mitral valve prolapse", "aortic stenosis",
  "heart valve disease", "endocarditis", "pericarditis", "myocarditis", "tachycardia", "bradycardia",
  "supraventricular tachycardia", "svt", "wolff-parkinson-white", "wolff parkinson white", "long qt syndrome",
  "high cholesterol", "hypercholesterolaemia", "hypercholesterolemia", "familial hypercholesterolaemia",
  "familial hypercholesterolemia", "hyperlipidaemia", "hyperlipidemia", "peripheral artery disease",
  "peripheral arterial disease", "aneurysm", "aortic aneurysm", "brain aneurysm", "raynaud's", "raynauds",
  "raynaud's disease", "raynaud's syndrome", "varicose veins", "stroke", "had a stroke", "mini stroke", "mini-stroke",
  "transient ischaemic attack", "transient ischemic attack",
  // Clotting and blood disorders
  "deep vein thrombosis", "dvt", "blood clot", "blood clots", "pulmonary embolism", "clotting disorder",
  "blood clotting disorder", "bleeding disorder", "haemophilia", "hemophilia", "von willebrand disease",
  "von willebrand's", "von willebrand's disease", "factor v leiden", "factor five leiden", "factor 5 leiden",
  "antiphospholipid syndrome", "hughes syndrome", "thrombophilia", "thrombocytopenia", "low platelets",
  "low platelet count", "itp", "sickle cell", "sickle cell disease", "sickle cell anaemia", "sickle cell anemia",
  "sickle cell trait", "thalassaemia", "thalassemia", "anaemia", "anemia", "anaemic", "anemic", "iron deficiency",
  "iron deficiency anaemia", "iron deficiency anemia", "pernicious anaemia", "pernicious anemia", "haemochromatosis",
  "hemochromatosis", "polycythaemia", "polycythemia", "g6pd deficiency",
  // Autoimmune, rheumatic and connective tissue
  "lupus", "sle", "systemic lupus", "systemic lupus erythematosus", "discoid lupus", "rheumatoid arthritis",
  "osteoarthritis", "arthritis", "psoriatic arthritis", "ankylosing spondylitis", "gout", "fibromyalgia",
  "chronic fatigue syndrome", "chronic fatigue", "myalgic encephalomyelitis", "cfs", "scleroderma",
  "systemic sclerosis", "morphea", "sjogren's", "sjogrens", "sjogren's syndrome", "vasculitis",
  "polymyalgia rheumatica", "dermatomyositis", "myasthenia gravis", "autoimmune disease", "autoimmune condition",
  "autoimmune disorder", "autoimmune diseases", "coeliac disease", "celiac disease", "coeliac", "celiac",
  "crohn's", "crohns", "crohn's disease", "ulcerative colitis", "colitis", "inflammatory bowel disease", "ibd", "ibs",
  "irritable bowel syndrome", "vitiligo", "alopecia areata", "guillain-barre syndrome", "guillain barre syndrome",
  "sarcoidosis", "addison's disease", "addisons disease", "behcet's disease", "mixed connective tissue disease",
  "ehlers-danlos syndrome", "ehlers danlos syndrome", "ehlers danlos", "hypermobility syndrome",
  "joint hypermobility syndrome", "marfan syndrome", "connective tissue disorder",
  // Skin conditions
  "keloid", "keloids", "keloid scar", "keloid scars", "keloid scarring", "hypertrophic scars", "hypertrophic scarring",
  "eczema", "atopic dermatitis", "dermatitis", "contact dermatitis", "seborrheic dermatitis", "seborrhoeic dermatitis",
  "psoriasis", "plaque psoriasis", "scalp psoriasis", "rosacea", "cystic acne", "hidradenitis suppurativa",
  "lichen planus", "lichen sclerosus", "pemphigus", "pemphigoid", "bullous pemphigoid", "impetigo", "cellulitis",
  "shingles", "herpes", "herpes simplex", "oral herpes", "genital herpes", "cold sore", "cold sores",
  "actinic keratosis", "chronic hives", "urticaria", "chronic urticaria", "dermatographia",
  // Infections
  "hiv", "hiv positive", "hiv-positive", "hepatitis", "hepatitis b", "hepatitis c", "hep b", "hep c",
  "hepatitis b positive", "hepatitis c positive", "tuberculosis", "mrsa", "sepsis", "syphilis", "chlamydia",
  "gonorrhoea", "gonorrhea", "sexually transmitted infection", "sexually transmitted disease", "std", "sti", "hpv",
  "lyme disease", "long covid", "glandular fever", "mononucleosis", "meningitis", "encephalitis",
  // Liver, kidney, digestive
  "liver disease", "fatty liver", "fatty liver disease", "nafld", "cirrhosis", "liver cirrhosis", "liver failure",
  "kidney disease", "chronic kidney disease", "ckd", "kidney failure", "renal failure", "kidney stones",
  "polycystic kidney disease", "kidney problems", "nephrotic syndrome", "interstitial cystitis", "acid reflux",
  "gerd", "gord", "hiatus hernia", "hiatal hernia", "stomach ulcer", "stomach ulcers", "peptic ulcer",
  "gastroparesis", "diverticulitis", "diverticular disease", "gallstones", "pancreatitis", "barrett's oesophagus",
  "barrett's esophagus", "hernia",
  // Cancer
  "cancer", "breast cancer", "skin cancer", "lung cancer", "bowel cancer", "colon cancer", "colorectal cancer",
  "prostate cancer", "ovarian cancer", "cervical cancer", "uterine cancer", "womb cancer", "endometrial cancer",
  "thyroid cancer", "pancreatic cancer", "liver cancer", "kidney cancer", "bladder cancer", "stomach cancer",
  "oesophageal cancer", "esophageal cancer", "throat cancer", "mouth cancer", "oral cancer", "head and neck cancer",
  "testicular cancer", "bone cancer", "blood cancer", "brain tumour", "brain tumor", "tumour", "tumor",
  "benign tumour", "benign tumor", "leukaemia", "leukemia", "lymphoma", "hodgkin's lymphoma", "hodgkin lymphoma",
  "non-hodgkin lymphoma", "non hodgkin lymphoma", "myeloma", "multiple myeloma", "melanoma", "sarcoma",
  "basal cell carcinoma", "squamous cell carcinoma", "carcinoma", "secondary cancer", "metastatic cancer",
  "terminal cancer", "stage 3 cancer", "stage three cancer", "stage 4 cancer", "stage four cancer", "in remission",
  "cancer survivor", "dcis", "precancerous cells", "abnormal smear", "brca", "brca gene", "brca mutation",
  "brca positive", "brca1", "brca 1", "brca one", "brca2", "brca 2", "brca two",
  // Thyroid, hormones, metabolism
  "thyroid condition", "thyroid problem", "thyroid problems", "thyroid issues", "thyroid disease",
  "underactive thyroid", "overactive thyroid", "hypothyroidism", "hyperthyroidism", "hashimoto's", "hashimotos",
  "hashimoto's disease", "graves disease", "graves' disease", "goitre", "goiter", "thyroid nodules",
  "pcos", "polycystic ovary syndrome", "polycystic ovarian syndrome", "polycystic ovaries", "endometriosis",
  "adenomyosis", "fibroids", "uterine fibroids", "menopause", "perimenopause", "early menopause",
  "premature menopause", "premature ovarian insufficiency", "cushing's syndrome", "cushings syndrome",
  "cushing's disease", "pituitary tumour", "pituitary tumor", "acromegaly", "low testosterone", "hypogonadism",
  "osteoporosis", "osteopenia", "vitamin d deficiency", "b12 deficiency", "vitamin b12 deficiency", "obesity",
  "morbid obesity", "morbidly obese", "clinically obese", "lipoedema", "lipedema", "lymphoedema", "lymphedema",
  "porphyria", "malignant hyperthermia", "pseudocholinesterase deficiency",
  // Lungs and sleep
  "asthma", "asthmatic", "severe asthma", "copd", "chronic obstructive pulmonary disease", "emphysema",
  "chronic bronchitis", "bronchiectasis", "cystic fibrosis", "pulmonary fibrosis", "lung disease",
  "pulmonary hypertension", "sleep apnea", "sleep apnoea", "obstructive sleep apnea", "obstructive sleep apnoea",
  "insomnia", "narcolepsy",
  // Brain and nerves
  "epilepsy", "epileptic", "seizures", "seizure", "seizure disorder", "migraine", "migraines", "chronic migraines",
  "cluster headaches", "multiple sclerosis", "parkinson's", "parkinsons", "parkinson's disease",
  "motor neurone disease", "motor neuron disease", "mnd", "amyotrophic lateral sclerosis", "lou gehrig's disease",
  "dementia", "alzheimer's", "alzheimers", "alzheimer's disease", "early onset dementia", "bell's palsy",
  "bells palsy", "facial palsy", "trigeminal neuralgia", "cerebral palsy", "muscular dystrophy",
  "huntington's disease", "restless leg syndrome", "restless legs syndrome", "tourette's", "tourettes",
  "tourette syndrome", "tourette's syndrome", "spina bifida", "hydrocephalus", "brain injury",
  "traumatic brain injury", "chronic pain", "complex regional pain syndrome", "crps", "meniere's disease",
  "tinnitus", "sciatica", "slipped disc", "herniated disc", "degenerative disc disease", "scoliosis",
  // Eyes and other
  "glaucoma", "cataracts", "macular degeneration", "down syndrome", "down's syndrome",
] as const;

const MEDICATION = [
  // Added from the evaluation set's misses.
  "vitamin e",
  // Blood thinners and antiplatelets
  "warfarin", "coumadin", "jantoven", "marevan", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran",
  "pradaxa", "edoxaban", "lixiana", "savaysa", "clopidogrel", "plavix", "ticagrelor", "brilinta", "brilique",
  "prasugrel", "effient", "dipyridamole", "persantine", "aggrenox", "cilostazol", "heparin", "enoxaparin", "clexane",
  "lovenox", "dalteparin", "fragmin", "tinzaparin", "fondaparinux", "aspirin", "baby aspirin", "low dose aspirin",
  "low-dose aspirin", "blood thinners", "blood thinner", "blood thinning medication", "anticoagulants",
  "anticoagulant", "antiplatelets",
  // Pain and anti-inflammatories
  "ibuprofen", "advil", "motrin", "nurofen", "naproxen", "aleve", "naprosyn", "diclofenac", "voltaren", "voltarol",
  "celecoxib", "celebrex", "meloxicam", "mobic", "indomethacin", "ketorolac", "toradol", "etoricoxib", "arcoxia",
  "nsaids", "anti-inflammatories", "paracetamol", "acetaminophen", "tylenol", "panadol", "codeine", "co-codamol",
  "cocodamol", "co codamol", "co-dydramol", "tramadol", "ultram", "oxycodone", "oxycontin", "percocet", "hydrocodone",
  "vicodin", "norco", "morphine", "fentanyl", "fentanyl patch", "buprenorphine", "butrans", "tapentadol",
  "dihydrocodeine", "opioids", "opiates", "strong painkillers", "prescription painkillers", "opioid painkillers",
  "gabapentin", "neurontin", "pregabalin", "lyrica", "amitriptyline", "nortriptyline", "duloxetine", "cymbalta",
  // GLP-1s and weight loss medicines
  "semaglutide", "ozempic", "wegovy", "rybelsus", "tirzepatide", "mounjaro", "zepbound", "liraglutide", "saxenda",
  "victoza", "dulaglutide", "trulicity", "exenatide", "byetta", "bydureon", "glp-1", "glp 1", "glp one",
  "glp-1 injections", "weight loss injections", "weight loss injection", "weight loss jabs", "weight loss jab",
  "fat jabs", "skinny jab", "skinny jabs", "weight loss medication", "weight loss drugs", "phentermine", "adipex",
  "orlistat", "xenical", "contrave", "qsymia",
  // Diabetes
  "metformin", "glucophage", "insulin", "insulin injections", "lantus", "levemir", "tresiba", "toujeo", "humalog",
  "novorapid", "novolog", "fiasp", "humulin", "basaglar", "gliclazide", "glipizide", "glimepiride", "glyburide",
  "sitagliptin", "januvia", "janumet", "linagliptin", "trajenta", "tradjenta", "empagliflozin", "jardiance",
  "dapagliflozin", "farxiga", "forxiga", "canagliflozin", "invokana", "pioglitazone", "diabetes medication",
  // Cholesterol
  "statins", "statin", "atorvastatin", "lipitor", "simvastatin", "zocor", "rosuvastatin", "crestor", "pravastatin",
  "pravachol", "lovastatin", "ezetimibe", "zetia", "repatha", "evolocumab", "praluent", "inclisiran", "leqvio",
  "fenofibrate", "cholesterol medication", "cholesterol tablets",
  // Blood pressure and heart
  "lisinopril", "ramipril", "enalapril", "perindopril", "captopril", "losartan", "valsartan", "candesartan",
  "irbesartan", "olmesartan", "telmisartan", "amlodipine", "norvasc", "nifedipine", "diltiazem", "verapamil",
  "bisoprolol", "atenolol", "metoprolol", "propranolol", "carvedilol", "nebivolol", "labetalol", "beta blockers",
  "beta-blockers", "beta blocker", "beta-blocker", "ace inhibitors", "ace inhibitor", "calcium channel blockers",
  "hydrochlorothiazide", "hctz", "bendroflumethiazide", "indapamide", "chlorthalidone", "furosemide", "frusemide",
  "lasix", "bumetanide", "spironolactone", "aldactone", "eplerenone", "water tablets", "water pills", "diuretics",
  "digoxin", "amiodarone", "flecainide", "sotalol", "dronedarone", "entresto", "sacubitril",
  "isosorbide mononitrate", "gtn spray", "nitroglycerin", "glyceryl trinitrate", "ranolazine", "hydralazine",
  "clonidine", "doxazosin", "blood pressure tablets", "blood pressure medication", "blood pressure pills",
  "blood pressure meds", "heart medication",
  // Thyroid
  "levothyroxine", "thyroxine", "synthroid", "levoxyl", "euthyrox", "eltroxin", "liothyronine", "cytomel",
  "armour thyroid", "carbimazole", "methimazole", "propylthiouracil", "thyroid medication", "thyroid tablets",
  // Steroids
  "steroids", "steroid", "corticosteroids", "oral steroids", "steroid tablets", "steroid injection",
  "steroid injections", "steroid cream", "steroid inhaler", "prednisone", "prednisolone", "methylprednisolone",
  "medrol", "dexamethasone", "hydrocortisone", "cortisone", "cortisone injection", "cortisone shot",
  "fludrocortisone", "triamcinolone", "kenalog", "budesonide",
  // Acne and skin
  "isotretinoin", "accutane", "roaccutane", "absorica", "claravis", "amnesteem", "myorisan", "zenatane", "tretinoin",
  "retin-a", "retin a", "doxycycline", "minocycline", "lymecycline", "tetracycline", "dianette", "co-cyprindrol",
  "cyproterone", "protopic", "tacrolimus", "elidel", "pimecrolimus", "finasteride", "propecia", "dutasteride",
  "avodart",
  // Immune suppressants and biologics
  "methotrexate", "ciclosporin", "cyclosporine", "azathioprine", "mycophenolate", "cellcept", "hydroxychloroquine",
  "plaquenil", "sulfasalazine", "sulphasalazine", "leflunomide", "immunosuppressants", "immunosuppressant",
  "immune suppressants", "prograf", "sirolimus", "biologics", "biologic medication", "humira", "adalimumab", "enbrel",
  "etanercept", "remicade", "infliximab", "stelara", "ustekinumab", "cosentyx", "secukinumab", "taltz", "ixekizumab",
  "skyrizi", "risankizumab", "tremfya", "guselkumab", "dupixent", "dupilumab", "rinvoq", "upadacitinib", "xeljanz",
  "tofacitinib", "olumiant", "baricitinib", "otezla", "apremilast", "sotyktu", "simponi", "golimumab", "cimzia",
  "orencia", "actemra", "tocilizumab", "rituximab", "rituxan", "ocrevus", "ocrelizumab", "tysabri", "kesimpta",
  "tecfidera", "copaxone", "avonex", "rebif", "benlysta", "entyvio", "vedolizumab", "xolair", "nucala", "fasenra",
  // Antidepressants
  "antidepressants", "antidepressant", "anti-depressants", "anti-depressant", "ssri", "ssris", "snri", "snris",
  "sertraline", "zoloft", "lustral", "fluoxetine", "prozac", "citalopram", "celexa", "cipramil", "escitalopram",
  "lexapro", "cipralex", "paroxetine", "paxil", "seroxat", "fluvoxamine", "venlafaxine", "effexor",
  "desvenlafaxine", "pristiq", "mirtazapine", "remeron", "bupropion", "wellbutrin", "zyban", "trazodone",
  "vortioxetine", "trintellix", "brintellix", "clomipramine", "imipramine", "phenelzine", "maoi", "maois",
  "tricyclic antidepressants",
  // Anxiety, sleep, antipsychotics, mood stabilisers
  "benzodiazepines", "benzos", "diazepam", "valium", "alprazolam", "xanax", "lorazepam", "ativan", "clonazepam",
  "klonopin", "rivotril", "temazepam", "chlordiazepoxide", "librium", "buspirone", "buspar", "hydroxyzine",
  "atarax", "zolpidem", "ambien", "zopiclone", "eszopiclone", "lunesta", "sleeping pills", "sleeping tablets",
  "melatonin", "antipsychotics", "antipsychotic", "quetiapine", "seroquel", "olanzapine", "zyprexa", "risperidone",
  "risperdal", "aripiprazole", "abilify", "clozapine", "clozaril", "haloperidol", "lurasidone", "latuda", "lithium",
  "lamotrigine", "lamictal", "valproate", "sodium valproate", "depakote", "epilim", "mood stabilisers",
  "mood stabilizers", "mood stabiliser", "mood stabilizer", "carbamazepine", "tegretol",
  // Epilepsy
  "levetiracetam", "keppra", "phenytoin", "dilantin", "topiramate", "topamax", "oxcarbazepine", "trileptal",
  "lacosamide", "anti-seizure medication", "epilepsy medication",
  // ADHD
  "adderall", "ritalin", "methylphenidate", "concerta", "vyvanse", "lisdexamfetamine", "elvanse", "dexamfetamine",
  "dextroamphetamine", "focalin", "strattera", "atomoxetine", "guanfacine", "intuniv", "adhd medication",
  "adhd meds", "stimulant medication",
  // Migraine
  "sumatriptan", "imitrex", "rizatriptan", "maxalt", "zolmitriptan", "triptans", "aimovig", "erenumab", "ajovy",
  "emgality", "nurtec", "ubrelvy",
  // Contraception, fertility and hormones
  "contraceptive pill", "birth control pill", "birth control", "on the pill", "combined pill", "mini pill",
  "progesterone only pill", "progesterone-only pill", "morning after pill", "microgynon", "rigevidon",
  "cerazette", "desogestrel", "levonorgestrel", "ethinyl estradiol", "depo-provera", "depo provera",
  "depo injection", "contraceptive injection", "contraceptive patch", "nuvaring", "hrt",
  "hormone replacement therapy", "hormone replacement", "estrogen", "oestrogen", "estradiol", "oestradiol",
  "oestrogel", "evorel", "premarin", "progesterone", "utrogestan", "testosterone", "testosterone injections",
  "testosterone replacement therapy", "trt", "testosterone gel", "clomid", "clomiphene", "tamoxifen",
  "anastrozole", "arimidex", "letrozole", "femara", "exemestane", "raloxifene",
  // Antibiotics, antivirals, antifungals
  "antibiotics", "on antibiotics", "course of antibiotics", "amoxicillin", "amoxil", "augmentin", "co-amoxiclav",
  "penicillin", "flucloxacillin", "cephalexin", "cefalexin", "keflex", "ciprofloxacin", "cipro", "levofloxacin",
  "azithromycin", "z-pak", "z pack", "zithromax", "clarithromycin", "erythromycin", "clindamycin", "trimethoprim",
  "nitrofurantoin", "macrobid", "bactrim", "septra", "sulfamethoxazole", "metronidazole", "flagyl", "rifampicin",
  "vancomycin", "valacyclovir", "valaciclovir", "valtrex", "acyclovir", "aciclovir", "zovirax", "famciclovir",
  "antiretrovirals", "antiretroviral therapy", "hiv medication", "truvada", "descovy", "biktarvy", "genvoya",
  "triumeq", "sofosbuvir", "harvoni", "epclusa", "terbinafine", "lamisil", "fluconazole", "diflucan", "itraconazole",
  // Asthma and allergy medicines
  "inhaler", "inhalers", "blue inhaler", "brown inhaler", "reliever inhaler", "preventer inhaler", "salbutamol",
  "albuterol", "ventolin", "proair", "seretide", "advair", "symbicort", "fostair", "fluticasone", "flovent",
  "beclomethasone", "qvar", "montelukast", "singulair", "spiriva", "tiotropium", "trelegy", "nebuliser", "nebulizer",
  "antihistamines", "cetirizine", "zyrtec", "loratadine", "claritin", "fexofenadine", "piriton",
  "chlorphenamine", "benadryl", "diphenhydramine",
  // Stomach and bowel
  "omeprazole", "prilosec", "lansoprazole", "prevacid", "esomeprazole", "nexium", "pantoprazole", "protonix",
  "ranitidine", "zantac", "famotidine", "pepcid", "mesalazine", "mesalamine", "asacol", "pentasa", "ondansetron",
  "zofran", "metoclopramide",
  // Bones, gout, urology, neurology, cancer medicines
  "alendronic acid", "alendronate", "fosamax", "bisphosphonates", "prolia", "denosumab", "zoledronic acid",
  "allopurinol", "colchicine", "febuxostat", "tamsulosin", "flomax", "oxybutynin", "mirabegron", "sildenafil",
  "viagra", "tadalafil", "cialis", "levodopa", "sinemet", "co-careldopa", "ropinirole", "pramipexole", "donepezil",
  "aricept", "memantine", "herceptin", "trastuzumab", "keytruda", "pembrolizumab", "opdivo", "capecitabine",
  "chemo tablets",
  // Addiction and smoking-cessation medicines
  "methadone", "suboxone", "subutex", "naltrexone", "low dose naltrexone", "antabuse", "disulfiram", "acamprosate",
  "champix", "varenicline", "chantix", "medical cannabis", "medical marijuana",
  // Supplements that matter before surgery
  "fish oil", "fish oil supplements", "omega 3", "omega-3", "omega three", "vitamin e supplements", "ginkgo",
  "ginkgo biloba", "st john's wort", "st johns wort", "garlic supplements", "turmeric supplements", "iron tablets",
  "iron supplements", "ferrous sulphate", "ferrous sulfate", "folic acid",
] as const;

const ALLERGY = [
  "penicillin allergy", "allergic to penicillin", "allergy to penicillin", "amoxicillin allergy",
  "allergic to amoxicillin", "sulfa allergy", "sulpha allergy", "allergic to sulfa", "allergic to sulpha",
  "allergic to sulfa drugs", "antibiotic allergy", "allergic to antibiotics", "latex allergy", "allergic to latex",
  "latex sensitivity", "nut allergy", "allergic to nuts", "peanut allergy", "allergic to peanuts", "tree nut allergy",
  "shellfish allergy", "allergic to shellfish", "fish allergy", "allergic to fish", "egg allergy", "allergic to eggs",
  "sesame allergy", "allergic to sesame", "soy allergy", "dairy allergy", "allergic to dairy", "milk allergy",
  "gluten allergy", "wheat allergy", "food allergy", "food allergies", "drug allergy", "drug allergies",
  "medication allergy", "lidocaine allergy", "allergic to lidocaine", "lignocaine allergy", "allergic to lignocaine",
  "local anaesthetic allergy", "local anesthetic allergy", "allergic to local anaesthetic",
  "allergic to local anesthetic", "anaesthetic allergy", "anesthetic allergy", "allergic to anaesthetic",
  "allergic to anesthetic", "allergic to anaesthesia", "allergic to anesthesia", "reaction to anaesthetic",
  "reaction to anesthesia", "bad reaction to anaesthetic", "bad reaction to anesthesia", "codeine allergy",
  "allergic to codeine", "morphine allergy", "allergic to morphine", "opioid allergy", "allergic to opioids",
  "ibuprofen allergy", "allergic to ibuprofen", "nsaid allergy", "allergic to nsaids", "aspirin allergy",
  "allergic to aspirin", "adhesive allergy", "allergic to adhesive", "plaster allergy", "allergic to plasters",
  "tape allergy", "allergic to tape", "nickel allergy", "allergic to nickel", "metal allergy", "allergic to metal",
  "iodine allergy", "allergic to iodine", "contrast dye allergy", "allergic to contrast dye", "chlorhexidine allergy",
  "allergic to chlorhexidine", "bee sting allergy", "allergic to bee stings", "wasp sting allergy",
  "allergic to wasp stings", "insect sting allergy", "anaphylaxis", "anaphylactic", "anaphylactic shock",
  "anaphylactic reaction", "went into anaphylaxis", "severe allergy", "severe allergies", "severe allergic reaction",
  "had an allergic reaction", "epipen", "epi pen", "epi-pen", "epipens", "adrenaline pen", "adrenaline auto injector",
  "adrenaline auto-injector", "epinephrine auto injector", "epinephrine auto-injector", "jext", "emerade",
  "angioedema", "hay fever", "hayfever", "allergic rhinitis", "allergic asthma", "dust mite allergy", "pet allergy",
  "cat allergy", "dog allergy", "pollen allergy", "mould allergy", "mold allergy", "allergic to erythromycin",
  "allergic to cephalosporins", "allergic to tetracycline", "allergic to clindamycin", "allergic to egg",
  "lactose intolerant", "lactose intolerance",
] as const;

const IMPLANT_DEVICE = [
  "pacemaker", "pace maker", "defibrillator", "implantable defibrillator", "implanted defibrillator", "icd",
  "implantable cardioverter defibrillator", "loop recorder", "implantable loop recorder", "heart monitor",
  "cardiac monitor", "holter monitor", "stent", "stents", "coronary stent", "heart stent", "cardiac stent",
  "artificial heart valve", "mechanical heart valve", "replacement heart valve", "heart valve replacement",
  "pig valve", "tissue valve", "lvad", "ventricular assist device", "hip replacement", "knee replacement",
  "shoulder replacement", "joint replacement", "artificial hip", "artificial knee", "new hip", "new knee",
  "metal plate", "metal plates", "titanium plate", "metal pins", "pins and plates", "metal rod", "rods in my spine",
  "spinal rod", "metal implant", "metal implants", "cochlear implant", "cochlear implants",
  "insulin pump", "continuous glucose monitor", "glucose monitor", "cgm", "freestyle libre", "libre sensor",
  "dexcom", "iud", "intrauterine device", "contraceptive coil", "copper coil", "hormonal coil", "mirena",
  "mirena coil", "contraceptive implant", "implant in my arm", "nexplanon", "implanon", "hormone implant",
  "hrt implant", "testosterone pellets", "shunt", "vp shunt", "brain shunt", "vagus nerve stimulator",
  "deep brain stimulator", "deep brain stimulation", "spinal cord stimulator", "neurostimulator", "nerve stimulator",
  "portacath", "port-a-cath", "port a cath", "chemo port", "picc line", "central line", "catheter",
  "urinary catheter", "feeding tube", "peg tube", "cpap", "cpap machine", "bipap", "home oxygen", "oxygen tank",
  "penile implant", "prosthetic leg", "prosthetic limb", "prosthetic arm", "artificial limb", "ivc filter",
  "vena cava filter", "aneurysm clip", "surgical clips", "embolisation coils", "ear tubes", "grommets",
] as const;

const PREGNANCY = [
  "pregnant", "pregnancy", "weeks pregnant", "months pregnant", "expecting a baby", "having a baby",
  "positive pregnancy test", "pregnancy test", "first trimester", "second trimester", "third trimester", "trimester",
  "high risk pregnancy", "pregnancy complications", "morning sickness", "hyperemesis", "hyperemesis gravidarum",
  "pre-eclampsia", "preeclampsia", "pre eclampsia", "eclampsia", "gestational diabetes", "placenta previa",
  "placenta praevia", "trying for a baby", "trying to conceive", "trying to get pregnant", "planning a pregnancy",
  "planning to get pregnant", "fertility treatment", "fertility treatments", "fertility issues", "fertility problems",
  "infertility", "infertile", "ivf", "in vitro fertilisation", "in vitro fertilization", "iui", "egg freezing",
  "egg retrieval", "embryo transfer", "frozen embryo transfer", "miscarriage", "miscarriages", "had a miscarriage",
  "miscarried", "pregnancy loss", "stillbirth", "stillborn", "ectopic pregnancy", "molar pregnancy", "abortion",
  "had an abortion", "termination of pregnancy", "medical termination", "c-section", "c section", "caesarean",
  "cesarean", "caesarean section", "cesarean section", "emergency c-section", "emergency caesarean", "postpartum",
  "post-partum", "post partum", "postnatal", "post-natal", "post natal", "antenatal", "prenatal", "prenatal vitamins",
  "my midwife", "just had a baby", "recently had a baby", "gave birth", "recently gave birth", "breastfeeding",
  "breast-feeding", "breast feeding", "breastfed", "breast fed", "nursing my baby", "nursing my son",
  "nursing my daughter", "expressing milk", "expressing breast milk", "pumping breast milk", "lactating", "lactation",
  "weaning my baby",
] as const;

const MENTAL_HEALTH = [
  "depression", "clinical depression", "clinically depressed", "major depression", "major depressive disorder",
  "depressive disorder", "depressive episode", "severe depression", "dysthymia", "low mood", "anxiety",
  "anxiety disorder", "generalised anxiety disorder", "generalized anxiety disorder", "social anxiety",
  "social anxiety disorder", "health anxiety", "severe anxiety", "anxiety attacks", "anxiety attack",
  "panic attacks", "panic attack", "panic disorder", "agoraphobia", "needle phobia", "trypanophobia", "bipolar",
  "bipolar disorder", "bipolar one", "bipolar two", "bipolar 1", "bipolar 2", "manic depression", "manic depressive",
  "mania", "hypomania", "ptsd", "c-ptsd", "complex ptsd", "post-traumatic stress disorder",
  "post traumatic stress disorder", "post traumatic stress", "ocd", "obsessive compulsive disorder",
  "obsessive-compulsive disorder", "eating disorder", "eating disorders", "anorexia", "anorexia nervosa", "anorexic",
  "bulimia", "bulimia nervosa", "bulimic", "binge eating disorder", "arfid", "body dysmorphia",
  "body dysmorphic disorder", "bdd", "skin picking disorder", "dermatillomania", "trichotillomania",
  "schizophrenia", "schizophrenic", "schizoaffective disorder", "psychosis", "psychotic episode", "psychotic",
  "hearing voices", "adhd", "attention deficit disorder", "attention deficit hyperactivity disorder", "autism",
  "autistic", "autism spectrum disorder", "asperger's", "aspergers", "asperger syndrome", "asperger's syndrome",
  "self-harm", "self harm", "self-harming", "self harming", "self-harmed", "cutting myself", "suicidal",
  "suicidal thoughts", "suicidal ideation", "suicide attempt", "attempted suicide", "tried to kill myself",
  "nervous breakdown", "mental breakdown", "mental health condition", "mental health issues",
  "mental health problems", "mental illness", "personality disorder", "borderline personality disorder", "bpd",
  "emotionally unstable personality disorder", "dissociative identity disorder", "dissociative disorder",
  "seasonal affective disorder", "postnatal depression", "postpartum depression", "post-natal depression",
  "post-partum depression", "perinatal depression", "postpartum psychosis", "pmdd",
  "premenstrual dysphoric disorder", "adjustment disorder", "hoarding disorder", "gender dysphoria", "psychiatrist",
  "my psychiatrist", "seeing a psychiatrist", "psychologist", "my psychologist", "my therapist",
  "seeing a therapist", "in therapy", "therapy for depression", "therapy for anxiety", "therapy for my anxiety",
  "therapy for my depression", "counselling for depression", "counseling for depression", "in counselling",
  "in counseling", "grief counselling", "cbt", "cognitive behavioural therapy", "cognitive behavioral therapy", "dbt",
  "dialectical behaviour therapy", "dialectical behavior therapy", "emdr", "mental health team", "crisis team",
  "community mental health team", "was sectioned", "psychiatric hospital", "psychiatric ward",
  "psych ward", "mental hospital",
] as const;

const PRIOR_TREATMENT = [
  // Added from the evaluation set's misses.
  "septoplasty", "breast reduction", "radiation", "turbinate reduction", "sinus surgery",
  "chemotherapy", "chemo", "radiotherapy", "radiation therapy", "radiation treatment", "immunotherapy",
  "hormone therapy", "targeted therapy", "stem cell transplant", "bone marrow transplant", "mastectomy",
  "double mastectomy", "single mastectomy", "lumpectomy", "wide local excision", "lymph nodes removed",
  "lymph node removal", "hysterectomy", "partial hysterectomy", "oophorectomy", "ovaries removed",
  "gastric bypass", "gastric sleeve", "sleeve gastrectomy", "bariatric surgery", "weight loss surgery", "lap band",
  "lap-band", "gastric band", "gastric balloon", "heart surgery", "open heart surgery", "bypass surgery",
  "heart bypass", "triple bypass", "double bypass", "quadruple bypass", "coronary bypass", "angioplasty",
  "valve replacement", "cardiac ablation", "catheter ablation", "dialysis", "kidney dialysis", "blood transfusion",
  "blood transfusions", "organ transplant", "kidney transplant", "liver transplant", "heart transplant",
  "lung transplant", "appendectomy", "appendicectomy", "appendix removed", "appendix out", "gallbladder removed",
  "gallbladder removal", "cholecystectomy", "tonsillectomy", "tonsils out", "thyroidectomy", "thyroid removed",
  "radioactive iodine", "splenectomy", "spleen removed", "colectomy", "bowel resection", "stoma", "colostomy",
  "ileostomy", "colostomy bag", "stoma bag", "hernia repair", "hernia operation", "spinal surgery", "spine surgery",
  "back surgery", "spinal fusion", "brain surgery", "craniotomy", "hip surgery", "knee surgery", "cataract surgery",
  "cataract operation", "laser eye surgery", "lasik", "mohs surgery", "skin graft", "skin grafts", "biopsy",
  "breast biopsy", "skin biopsy", "colonoscopy", "endoscopy", "laparoscopy", "endometrial ablation",
  "dilation and curettage", "vasectomy", "tubal ligation", "tubes tied", "had my tubes tied", "prostatectomy",
  "prostate surgery", "nephrectomy", "kidney removed", "amputation", "amputee", "plasmapheresis",
  "electroconvulsive therapy", "electroshock therapy", "was in intensive care", "intensive care unit",
  "iv antibiotics", "intravenous antibiotics", "iron infusion", "iron infusions",
  "ketamine infusion",
] as const;

const SUBSTANCE = [
  "smoker", "smoking", "i smoke", "heavy smoker", "light smoker", "social smoker", "chain smoker", "ex-smoker",
  "ex smoker", "former smoker", "non-smoker", "non smoker", "quit smoking", "stopped smoking", "gave up smoking",
  "trying to quit smoking", "cigarettes", "cigarette", "a pack a day", "pack a day", "cigars", "pipe smoker",
  "tobacco", "chewing tobacco", "snus", "shisha", "hookah", "vaping", "vape", "i vape", "vaper", "e-cigarette",
  "e-cigarettes", "e cigarette", "e cigarettes", "nicotine", "nicotine patches", "nicotine patch", "nicotine gum",
  "nicotine pouches", "nicotine replacement", "alcoholic", "recovering alcoholic", "alcoholism",
  "alcohol dependence", "alcohol addiction", "alcohol abuse", "alcohol problem", "drinking problem",
  "problem with alcohol", "heavy drinker", "binge drinking", "binge drinker", "aa meetings",
  "alcoholics anonymous", "narcotics anonymous", "sobriety", "alcohol rehab", "drug rehab", "went to rehab",
  "drug use", "drug user", "drug addiction", "drug addict", "drug abuse", "drug problem", "recovering addict",
  "addict in recovery", "substance abuse", "substance misuse", "substance use disorder", "recreational drugs",
  "recreational drug use", "party drugs", "illegal drugs", "street drugs", "injecting drugs", "iv drug use",
  "intravenous drug use", "overdose", "overdosed", "cannabis", "marijuana", "smoke weed", "smoking weed",
  "smoke cannabis", "cbd oil", "thc", "cocaine", "crack cocaine", "heroin", "opioid addiction", "opiate addiction",
  "painkiller addiction", "methamphetamine", "crystal meth", "mdma", "ketamine", "amphetamines", "lsd",
  "magic mushrooms", "shrooms", "psilocybin", "poppers", "kratom", "anabolic steroids", "steroid abuse",
  "steroid cycle",
] as const;

export const MEDICAL_LEXICON: Record<MedicalGroup, readonly string[]> = {
  condition: CONDITION,
  medication: MEDICATION,
  allergy: ALLERGY,
  implant_device: IMPLANT_DEVICE,
  pregnancy: PREGNANCY,
  mental_health: MENTAL_HEALTH,
  prior_treatment: PRIOR_TREATMENT,
  substance: SUBSTANCE,
};
