package triage

import "strconv"

// Page ids, in the order pages are asked. They appear in URLs.
const (
	PageEmergency  = "emergency"
	PageAbout      = "about"
	PageNeck       = "neck"
	PageConditions = "conditions"
	PageCancer     = "cancer"
	PagePregnancy  = "pregnancy"
	PageFall       = "fall"
	PageSymptoms   = "symptoms"
	PageStrain     = "strain"
)

// yesNoOptions are the answers of every yes/no question, in the order forms
// show them.
var yesNoOptions = []Option{{Value: "yes", Label: "Yes"}, {Value: "no", Label: "No"}}

// buildPages holds the wording of the questionnaire. Labels are plain
// questions; hints say in one sentence why we ask, because people answer
// more carefully when they know. The follow-up pages are asked only when an
// earlier answer makes them matter, so most people see four pages.
func buildPages() []Page {
	item := func(page, key, label string) Question {
		return Question{Key: key, Kind: KindChecklistItem, Label: label, Options: yesNoOptions, Page: page,
			missing: "Select the ones that apply, or 'None of these'"}
	}
	yesNo := func(page, key, label, short, hint string) Question {
		return Question{Key: key, Kind: KindYesNo, Label: label, Short: short, Hint: hint, Options: yesNoOptions, Page: page,
			missing: "Select yes or no"}
	}
	checklist := func(field, label, hint string) *Checklist {
		return &Checklist{Field: field, Label: label, Hint: hint, NoneValue: ChecklistNone, NoneLabel: "None of these"}
	}
	fifty, sixtyFive := 50, 65
	return []Page{
		{
			ID:    PageEmergency,
			Title: "Signs that need help straight away",
			Checklist: checklist("emergency_signs", "Do you have back pain and any of these?",
				"With back pain, these can be signs of a problem that needs help within hours."),
			Questions: []Question{
				item(PageEmergency, KeyBladderBowelChange, "New difficulty peeing, or peeing or pooing yourself without meaning to"),
				item(PageEmergency, KeySaddleNumbness, "Numbness or tingling around your genitals, bottom or inner thighs, or a new change in sexual feeling"),
				item(PageEmergency, KeyBothLegs, "Pain going down both legs, or numbness, tingling or weakness in both legs"),
				item(PageEmergency, KeyWalkingDifficulty, "Your legs feel weak, numb or wobbly, so it is hard to walk or stand (not just because moving hurts)"),
				item(PageEmergency, KeyChestPain, "Chest pain, pressure or tightness; or pain in your back, arm, neck or jaw with sweating, feeling sick or short of breath"),
				item(PageEmergency, KeyTearingPain, "Sudden, severe pain in your back, chest or tummy that feels like tearing or ripping"),
				item(PageEmergency, KeyFaintOrClammy, "Back or tummy pain that came on suddenly and badly, and you have fainted or nearly fainted, or you are pale, cold and clammy"),
				item(PageEmergency, KeyMajorTrauma, "The pain started after a serious fall, accident or blow"),
			},
		},
		{
			ID:    PageAbout,
			Title: "About your pain",
			Questions: []Question{
				{Key: KeyAge, Kind: KindInteger, Label: "How old are you?", Short: "Age", Page: PageAbout, Min: MinAge, Max: MaxAge,
					Hint:    "Some causes of back pain are more likely at certain ages.",
					missing: "Enter your age"},
				{Key: KeyDuration, Kind: KindSingleChoice, Label: "How long have you had this back pain?", Short: "How long", Page: PageAbout,
					Hint: "Most back pain gets better within a few weeks, so pain that lasts longer needs a different plan.",
					Options: []Option{
						{Value: string(DurationUnder3Days), Label: "Less than 3 days"},
						{Value: string(Duration3DaysTo2Weeks), Label: "3 days to 2 weeks"},
						{Value: string(Duration2To6Weeks), Label: "2 to 6 weeks"},
						{Value: string(Duration6To12Weeks), Label: "6 to 12 weeks"},
						{Value: string(DurationOver12Weeks), Label: "More than 12 weeks"},
					},
					missing: "Select how long you have had this back pain"},
				{Key: KeyBackPainBefore, Kind: KindYesNo, Label: "Have you had back pain like this before?", Short: "Back pain like this before", Page: PageAbout,
					Hint:       "A first bout of back pain later in life is worth a check more often than a familiar one.",
					Options:    yesNoOptions,
					Reassuring: true,
					missing:    "Select yes or no"},
				{Key: KeyLocation, Kind: KindMultipleChoice, Label: "Where does it hurt? Select all that apply.", Short: "Where it hurts", Page: PageAbout,
					Hint: "Pain higher up the back, or in the neck, leads to a few more questions.",
					Options: []Option{
						{Value: string(LocationLower), Label: "Lower back"},
						{Value: string(LocationMiddle), Label: "Middle back, between the shoulder blades"},
						{Value: string(LocationUpper), Label: "Upper back, above and around the shoulder blades"},
						{Value: string(LocationNeckShoulder), Label: "Neck and shoulders"},
					},
					missing: "Select where it hurts"},
				{Key: KeyTrend, Kind: KindSingleChoice, Label: "Over the last few days, is your pain:", Short: "Over the last few days", Page: PageAbout,
					Hint: "Pain that is easing can usually be looked after at home; pain getting worse quickly needs help sooner.",
					Options: []Option{
						{Value: string(TrendImproving), Label: "Getting better"},
						{Value: string(TrendSame), Label: "About the same"},
						{Value: string(TrendWorsening), Label: "Getting worse slowly"},
						{Value: string(TrendWorseningQuickly), Label: "Getting worse quickly"},
					},
					missing: "Select whether your pain is getting better, staying the same or getting worse"},
				{Key: KeyIntensity, Kind: KindInteger, Page: PageAbout, Min: MinIntensity, Max: MaxIntensity, Short: "Pain on average today",
					Label:   "On average today, how bad is the pain, from 0 (no pain) to 10 (the worst pain you can imagine)?",
					Hint:    "An average is more useful than the worst moment: most new back pain has a few very bad moments.",
					Options: intensityOptions(),
					missing: "Select how bad your pain is, from 0 to 10"},
			},
		},
		{
			ID:        PageNeck,
			Title:     "Your neck",
			AskedWhen: AskedWhen{{{Key: KeyLocation, AnyOf: []string{string(LocationNeckShoulder)}}}},
			Checklist: checklist("neck_signs", "Do you have neck pain and any of these?",
				"Rarely, neck pain comes with signs of a problem in the head, the blood vessels or the spinal cord."),
			Questions: []Question{
				item(PageNeck, KeyNeckSuddenHeadache, "Neck pain that came on suddenly with a severe headache"),
				item(PageNeck, KeyNeckNerveSigns, "Since the neck pain started: double vision, slurred speech, trouble swallowing, a drooping face, or sudden dizziness with unsteadiness"),
				item(PageNeck, KeyNeckFeverStiff, "A high temperature with a stiff neck, or with a rash that does not fade when you press a glass on it"),
				item(PageNeck, KeyNeckClumsyHands, "Your hands have become clumsy, or the way you walk has changed"),
			},
		},
		{
			ID:    PageConditions,
			Title: "Your health",
			Checklist: checklist("conditions", "Do any of these apply to you?",
				"Some health conditions change what is safe and where to go for help."),
			Questions: []Question{
				item(PageConditions, KeyCancer, "You have, or have had, cancer (count melanoma, but not basal cell or squamous cell skin cancer)"),
				item(PageConditions, KeyOsteoporosis, "Osteoporosis (thin, fragile bones), or you have broken a bone in a minor fall or bump"),
				item(PageConditions, KeySteroids, "You have taken steroid tablets, such as prednisolone, for 3 months or more"),
				item(PageConditions, KeyImmunosuppressed, "A weakened immune system, for example from chemotherapy, HIV, an organ transplant or medicines that dampen it"),
				item(PageConditions, KeyInjectsDrugs, "You inject drugs, or have done in the last year"),
				item(PageConditions, KeyPregnant, "You are pregnant"),
				item(PageConditions, KeyRecentSurgery, "You have had an operation in the last 3 months"),
				item(PageConditions, KeyBleedingRisk, "You take blood thinners (anticoagulants) or have a bleeding or clotting disorder"),
				item(PageConditions, KeySkinProblemAtSite, "A wound, rash, burn or skin infection where it hurts"),
				item(PageConditions, KeyFallsRisk, "You have had a fall in the last 12 months, or often feel unsteady on your feet"),
			},
		},
		{
			ID:        PageCancer,
			Title:     "About your cancer",
			AskedWhen: AskedWhen{{{Key: KeyCancer, AnyOf: []string{"yes"}}}},
			Questions: []Question{
				{Key: KeyCancerStatus, Kind: KindSingleChoice, Page: PageCancer, Short: "Cancer",
					Label: "Which of these fits best?",
					Hint:  "Cancers that often spread to bone include breast, prostate, lung, kidney and thyroid cancer, and myeloma.",
					Options: []Option{
						{Value: string(CancerActiveOrRecent), Label: "I have cancer now, I am still having any treatment for it (hormone tablets too), or I finished treatment in the last 5 years"},
						{Value: string(CancerInBones), Label: "My cancer has spread to my bones, or I have myeloma"},
						{Value: string(CancerLongAgo), Label: "I was treated more than 5 years ago and have been clear since"},
					},
					missing: "Select which fits best"},
				yesNo(PageCancer, KeySpineTenderness, "Is there a spot on the bony line down the middle of your back that hurts when you press it?", "A tender spot on the spine",
					"After cancer, a tender spot on the spine is one of the signs a cancer team wants to hear about."),
			},
		},
		{
			ID:        PagePregnancy,
			Title:     "Your pregnancy",
			AskedWhen: AskedWhen{{{Key: KeyPregnant, AnyOf: []string{"yes"}}}},
			Checklist: checklist("pregnancy_signs", "Do you have back pain and any of these?",
				"Back pain is common in pregnancy, but with these signs your maternity unit needs to hear from you now."),
			Questions: []Question{
				item(PagePregnancy, KeyPregHeavyBleeding, "Heavy bleeding from your vagina, or sharp or constant tummy pain that does not come and go"),
				item(PagePregnancy, KeyPregBleeding, "Any other bleeding from your vagina"),
				item(PagePregnancy, KeyPregContractions, "Regular tightening or pains that come in waves, like contractions"),
				item(PagePregnancy, KeyPregFluid, "Fluid leaking from your vagina"),
				item(PagePregnancy, KeyPregFeverOrPeeing, "A high temperature, or pain or burning when you pee"),
				item(PagePregnancy, KeyPregSidePain, "Pain in your side, just under your ribs, on one or both sides"),
				item(PagePregnancy, KeyPregBabyMovesLess, "Your baby is moving less than usual"),
				item(PagePregnancy, KeyPregHeadacheVision, "A severe headache, changes in your vision, or sudden swelling of your face, hands or feet"),
			},
		},
		{
			ID:    PageFall,
			Title: "How the pain started",
			AskedWhen: AskedWhen{
				{{Key: KeyOsteoporosis, AnyOf: []string{"yes"}}},
				{{Key: KeySteroids, AnyOf: []string{"yes"}}},
				{{Key: KeyBleedingRisk, AnyOf: []string{"yes"}}},
				{{Key: KeyFallsRisk, AnyOf: []string{"yes"}}},
				{{Key: KeyAge, AtLeast: &sixtyFive}},
			},
			Questions: []Question{
				yesNo(PageFall, KeyMinorFall, "Did this pain start after a fall or a bump, even a small one?", "Started after a fall or bump",
					"With fragile bones, or later in life, a small fall can break a bone in the spine; with blood thinners, injuries bleed more."),
				yesNo(PageFall, KeyCoughOrLift, "Did it start suddenly when you coughed, sneezed, bent or lifted something?", "Started with a cough, sneeze, bend or lift",
					"With fragile bones, even a cough or a lift can break a bone in the spine."),
			},
		},
		{
			ID:    PageSymptoms,
			Title: "Your symptoms",
			Checklist: checklist("symptoms", "Do you have any of these?",
				"These help us tell which kind of help fits your pain, and how soon."),
			Questions: []Question{
				item(PageSymptoms, KeyLegWeaknessWorsening, "One leg is getting weaker, or a foot drags or slaps when you walk"),
				item(PageSymptoms, KeyNumbnessTingling, "Numbness or pins and needles in one leg or foot"),
				item(PageSymptoms, KeyLegPainBelowKnee, "Pain that goes down one leg, below the knee"),
				item(PageSymptoms, KeyArmNumbWeak, "Weakness, numbness or pins and needles in an arm or hand"),
				item(PageSymptoms, KeyBandPain, "Pain that wraps around your chest or tummy like a band"),
				item(PageSymptoms, KeyFever, "A high temperature, or you feel hot, shivery or generally very unwell"),
				item(PageSymptoms, KeyWeightLoss, "You have lost weight without trying"),
				item(PageSymptoms, KeyNightPain, "Pain that is worse at night or wakes you, or is there all the time whatever you do"),
				item(PageSymptoms, KeyPainOnStraining, "Pain that is worse when you cough, sneeze or strain on the toilet"),
				item(PageSymptoms, KeyLumpOrShapeChange, "A lump or swelling on your back, or a change in its shape"),
				item(PageSymptoms, KeySevereUnrelieved, "Severe pain that nothing eases: not rest, lying still or painkillers"),
				item(PageSymptoms, KeyOTCNotHelping, "Painkillers from a pharmacy have not helped enough"),
				item(PageSymptoms, KeyAffectsDailyLife, "The pain stops you sleeping, working or doing everyday things"),
			},
		},
		{
			ID:    PageStrain,
			Title: "How it started",
			AskedWhen: AskedWhen{
				{{Key: KeyLocation, AnyOf: []string{string(LocationMiddle), string(LocationUpper)}}},
				{{Key: KeyAge, AtLeast: &fifty}, {Key: KeyBackPainBefore, AnyOf: []string{"no"}}},
			},
			Questions: []Question{
				{Key: KeyObviousStrain, Kind: KindYesNo, Page: PageStrain, Options: yesNoOptions, Reassuring: true, Short: "Started after an obvious strain",
					Label:   "Did it start after an obvious strain, such as lifting, twisting, sport or gardening?",
					Hint:    "Pain with a clear cause is usually from muscles; pain with no cause is worth a check, especially higher up the back.",
					missing: "Select yes or no"},
			},
		},
	}
}

// intensityOptions lists 0 to 10 so forms can show the scale as radio
// buttons, with words at both ends.
func intensityOptions() []Option {
	opts := make([]Option, 0, MaxIntensity-MinIntensity+1)
	for i := MinIntensity; i <= MaxIntensity; i++ {
		label := strconv.Itoa(i)
		switch i {
		case MinIntensity:
			label += " (no pain)"
		case MaxIntensity:
			label += " (worst pain imaginable)"
		}
		opts = append(opts, Option{Value: strconv.Itoa(i), Label: label})
	}
	return opts
}
