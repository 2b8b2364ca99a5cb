package triage

// Source is a published guideline or review a rule comes from. URLs point to
// the primary source (nhs.uk, nice.org.uk, a journal DOI...), never to a copy.
type Source struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Year      int    `json:"year,omitempty"` // 0 for undated web pages
	URL       string `json:"url"`
}

// The sources behind the rules. Each is a package-level value so the rule
// table can name it directly and a typo fails to compile.
var (
	srcNHSBackPain = Source{Key: "nhs-back-pain", Title: "Back pain", Publisher: "NHS", Year: 2026,
		URL: "https://www.nhs.uk/conditions/back-pain/"}
	srcNHSSciatica = Source{Key: "nhs-sciatica", Title: "Sciatica", Publisher: "NHS",
		URL: "https://www.nhs.uk/conditions/sciatica/"}
	srcRoyalFreeCES = Source{Key: "royal-free-ces", Title: "Cauda equina syndrome (patient information leaflet)",
		Publisher: "Royal Free London NHS Foundation Trust",
		URL:       "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome"}
	srcGlosRedFlags = Source{Key: "glos-red-flags", Title: "Red flags for spinal conditions",
		Publisher: "NHS Gloucestershire (G-care)", URL: "https://g-care.glos.nhs.uk/pathway/71/resource/3"}
	srcNHSAAA = Source{Key: "nhs-aaa", Title: "Abdominal aortic aneurysm", Publisher: "NHS",
		URL: "https://www.nhs.uk/conditions/abdominal-aortic-aneurysm/"}
	srcHSEAorticDissection = Source{Key: "hse-aortic-dissection", Title: "Symptoms of aortic dissection",
		Publisher: "HSE (Ireland), content supplied by the NHS", Year: 2022,
		URL: "https://www2.hse.ie/conditions/aortic-dissection/symptoms-of-aortic-dissection"}
	srcNHSNeckPain = Source{Key: "nhs-neck-pain", Title: "Neck pain", Publisher: "NHS",
		URL: "https://www.nhs.uk/conditions/neck-pain/"}
	srcNHSMeningitis = Source{Key: "nhs-meningitis", Title: "Meningitis", Publisher: "NHS",
		URL: "https://www.nhs.uk/conditions/meningitis/"}
	srcNICENG234 = Source{Key: "nice-ng234",
		Title:     "Spinal metastases and metastatic spinal cord compression (NG234)",
		Publisher: "NICE", Year: 2023, URL: "https://www.nice.org.uk/guidance/ng234"}
	srcNICENG12 = Source{Key: "nice-ng12", Title: "Suspected cancer: recognition and referral (NG12)",
		Publisher: "NICE", Year: 2015, URL: "https://www.nice.org.uk/guidance/ng12"}
	srcNICENG59 = Source{Key: "nice-ng59", Title: "Low back pain and sciatica in over 16s: assessment and management (NG59)",
		Publisher: "NICE", Year: 2016, URL: "https://www.nice.org.uk/guidance/ng59"}
	srcNICENG249 = Source{Key: "nice-ng249", Title: "Falls: assessment and prevention in older people and in people 50 and over at higher risk (NG249)",
		Publisher: "NICE", Year: 2025, URL: "https://www.nice.org.uk/guidance/ng249"}
	srcNHSPregnancyBackPain = Source{Key: "nhs-pregnancy-back-pain", Title: "Back pain in pregnancy", Publisher: "NHS",
		URL: "https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/back-pain/"}
	srcNorthernTrust = Source{Key: "northern-trust-lbp", Title: "Low back pain", Publisher: "Northern Health and Social Care Trust",
		URL: "https://www.northerntrust.hscni.net/services/physiotherapy-services/physiotherapy-service-outpatient-service/low-back-pain/"}
	srcDarouiche2006 = Source{Key: "darouiche-2006", Title: "Spinal epidural abscess",
		Publisher: "New England Journal of Medicine (Darouiche)", Year: 2006, URL: "https://doi.org/10.1056/NEJMra055111"}
	srcROS2019 = Source{Key: "ros-strong-steady-straight",
		Title:     "Strong, Steady and Straight: an expert consensus statement on physical activity and exercise for osteoporosis",
		Publisher: "Royal Osteoporosis Society", Year: 2019,
		URL: "https://theros.org.uk/healthcare-professionals/tools-and-resources/clinical-guidance/documents/strong-steady-and-straight/"}
	srcACP2007 = Source{Key: "acp-aps-2007",
		Title:     "Diagnosis and treatment of low back pain: a joint clinical practice guideline from the American College of Physicians and the American Pain Society",
		Publisher: "Annals of Internal Medicine", Year: 2007,
		URL: "https://doi.org/10.7326/0003-4819-147-7-200710020-00006"}
	srcHenschke2013 = Source{Key: "henschke-2013",
		Title:     "Red flags to screen for malignancy in patients with low-back pain (Cochrane review)",
		Publisher: "Cochrane Database of Systematic Reviews", Year: 2013,
		URL: "https://doi.org/10.1002/14651858.CD008686.pub2"}
	srcMayoHS = Source{Key: "mayo-hs-appointment", Title: "Neurosurgery: when to make an appointment",
		Publisher: "Mayo Clinic Health System",
		URL:       "https://mayoclinichealthsystem.org/locations/la-crosse/services-and-treatments/neurosurgery/when-to-make-an-appointment"}
	srcMayoMassage = Source{Key: "mayo-massage", Title: "Massage: get in touch with your sense of touch",
		Publisher: "Mayo Clinic",
		URL:       "https://www.mayoclinic.org/healthy-lifestyle/stress-management/in-depth/massage/art-20045743"}
	srcNCCIH = Source{Key: "nccih-massage", Title: "Massage therapy: what you need to know",
		Publisher: "National Center for Complementary and Integrative Health (NIH)",
		URL:       "https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know"}
)

// allSources lists every source in the order the published rules page shows
// them: public NHS pages, then clinical guidelines, then reviews and safety
// pages.
var allSources = []Source{
	srcNHSBackPain, srcNHSSciatica, srcRoyalFreeCES, srcGlosRedFlags, srcNHSAAA, srcHSEAorticDissection,
	srcNHSNeckPain, srcNHSMeningitis, srcNHSPregnancyBackPain, srcNorthernTrust,
	srcNICENG234, srcNICENG12, srcNICENG59, srcNICENG249, srcACP2007,
	srcHenschke2013, srcDarouiche2006, srcROS2019, srcMayoHS, srcMayoMassage, srcNCCIH,
}

// Sources returns every source the rules cite (a copy).
func Sources() []Source { return append([]Source(nil), allSources...) }

// SourceByKey returns the source with the given key.
func SourceByKey(key string) (Source, bool) {
	for _, s := range allSources {
		if s.Key == key {
			return s, true
		}
	}
	return Source{}, false
}
