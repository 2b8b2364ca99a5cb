package triage

import "strconv"

// yesNoOptions are the answers of every yes/no question, in the order forms
// show them.
var yesNoOptions = []Option{{Value: "yes", Label: "Yes"}, {Value: "no", Label: "No"}}

// buildSteps holds the wording of the questionnaire. Labels are plain
// questions; hints say in one sentence why we ask, because people answer
// more carefully when they know.
func buildSteps() []Step {
	sign := func(key, label, hint string) Question {
		return Question{Key: key, Kind: KindEmergencySign, Label: label, Hint: hint, Options: yesNoOptions, Step: 1,
			missing: "Select the signs that apply, or 'None of these'"}
	}
	yesNo := func(step int, key, label, hint string) Question {
		return Question{Key: key, Kind: KindYesNo, Label: label, Hint: hint, Options: yesNoOptions, Step: step,
			missing: "Select yes or no: " + label}
	}
	return []Step{
		{
			Number: 1,
			Title:  "Emergency signs",
			Checklist: &Checklist{
				Field:     ChecklistField,
				Label:     "Do any of these apply?",
				Hint:      "With back pain, these can be signs of a problem that needs help straight away.",
				NoneValue: ChecklistNone,
				NoneLabel: "None of these",
			},
			Questions: []Question{
				sign(KeyBladderBowelChange,
					"New difficulty peeing, or peeing or pooing yourself (loss of bladder or bowel control)",
					"These can mean the nerves at the bottom of the spine are being squeezed, which needs treatment within hours."),
				sign(KeySaddleNumbness,
					"Numbness or tingling around your genitals, bottom (anus) or buttocks, or a new change in sexual feeling or function",
					"Loss of feeling in this area can be an early sign of a nerve emergency called cauda equina syndrome."),
				sign(KeyBothLegs,
					"Pain, numbness, tingling or weakness in both legs",
					"Symptoms in both legs can mean several nerves are being pressed at once."),
				sign(KeyChestPain,
					"Chest pain or breathlessness, or pain spreading to your arm, neck or jaw",
					"With back pain, these can come from the heart or the main blood vessel rather than the back."),
				sign(KeyMajorTrauma,
					"Your pain started after a serious fall, accident or blow",
					"A serious injury can break a bone in the spine, which needs checking straight away."),
			},
		},
		{
			Number: 2,
			Title:  "About your pain",
			Questions: []Question{
				{Key: KeyAge, Kind: KindInteger, Label: "How old are you?", Step: 2, Min: MinAge, Max: MaxAge,
					Hint:    "Some causes of back pain are more likely at certain ages, so age matters when pain is not getting better.",
					missing: "Enter your age"},
				{Key: KeyDuration, Kind: KindSingleChoice, Label: "How long have you had this back pain?", Step: 2,
					Hint: "Most back pain gets better within a few weeks, so pain that lasts longer needs a different plan.",
					Options: []Option{
						{Value: string(DurationUnder3Days), Label: "Less than 3 days"},
						{Value: string(Duration3DaysTo6Weeks), Label: "3 days to 6 weeks"},
						{Value: string(Duration6To12Weeks), Label: "6 to 12 weeks"},
						{Value: string(DurationOver12Weeks), Label: "More than 12 weeks"},
					},
					missing: "Select how long you have had this back pain"},
				{Key: KeyIntensity, Kind: KindInteger, Step: 2, Min: MinIntensity, Max: MaxIntensity,
					Label:   "How bad has the pain been at its worst in the last 24 hours, from 0 (no pain) to 10 (the worst pain you can imagine)?",
					Hint:    "Severe pain, especially if it is new or getting worse quickly, needs help sooner.",
					Options: intensityOptions(),
					missing: "Enter how bad your pain has been, from 0 to 10"},
				{Key: KeyLocation, Kind: KindMultipleChoice, Label: "Where does your back hurt? Select all that apply.", Step: 2,
					Hint: "Different areas suit different self-massage, and pain between the shoulder blades needs a doctor's check more often.",
					Options: []Option{
						{Value: string(LocationLower), Label: "Lower back"},
						{Value: string(LocationMiddle), Label: "Middle back, between the shoulder blades"},
						{Value: string(LocationUpper), Label: "Upper back, above and around the shoulder blades"},
						{Value: string(LocationNeckShoulder), Label: "Neck and shoulders"},
					},
					missing: "Select where your back hurts"},
				{Key: KeyTrend, Kind: KindSingleChoice, Label: "Over the last few days, is your pain:", Step: 2,
					Hint: "Pain that is getting worse needs checking sooner than pain that is easing.",
					Options: []Option{
						{Value: string(TrendImproving), Label: "Getting better"},
						{Value: string(TrendSame), Label: "About the same"},
						{Value: string(TrendWorsening), Label: "Getting worse"},
					},
					missing: "Select whether your pain is getting better, staying the same or getting worse"},
			},
		},
		{
			Number: 3,
			Title:  "Health conditions",
			Questions: []Question{
				yesNo(3, KeyLegWeaknessWorsening, "Is one of your legs getting weaker, or does a foot drag or slap when you walk?",
					"Weakness that is getting worse can mean a nerve is badly squeezed and needs checking the same day."),
				yesNo(3, KeyFever, "Do you have a fever or chills, or feel very unwell?",
					"With back pain, these can be signs of an infection."),
				yesNo(3, KeyWeightLoss, "Have you lost weight recently without trying?",
					"Weight loss without a reason should be checked by a doctor."),
				yesNo(3, KeyNightPain, "Is the pain constant and not eased by rest or lying down, or is it worse at night?",
					"Pain from muscles and joints usually eases with rest, so pain that does not should be checked."),
				yesNo(3, KeyCancerHistory, "Have you ever had cancer?",
					"A past cancer is the warning sign most clearly linked to serious causes of back pain."),
				yesNo(3, KeyImmunosuppressed, "Do you take long-term steroid tablets, or have chemotherapy, HIV or an organ transplant, or inject drugs?",
					"These make infections and fragile bones in the spine more likely."),
				yesNo(3, KeyOsteoporosis, "Do you have osteoporosis (thin bones), or have you broken a bone in a minor fall or bump?",
					"Fragile bones can break under firm pressure, so massage needs a doctor's agreement first."),
				yesNo(3, KeyRecentSurgery, "Have you had an operation in the last 3 months?",
					"Massage near a recent operation can harm healing tissue."),
				yesNo(3, KeyPregnant, "Are you pregnant?",
					"Massage in pregnancy needs a specially trained therapist and your midwife's or doctor's agreement."),
				yesNo(3, KeyBleedingRisk, "Do you take blood thinners (anticoagulants) or have a bleeding or clotting disorder?",
					"Firm pressure can cause bruising or bleeding, so some kinds of massage are not safe for you."),
				yesNo(3, KeySkinProblemAtSite, "Do you have a wound, rash, burn or skin infection where your back hurts?",
					"Massage over broken or infected skin can make it worse."),
			},
		},
		{
			Number: 4,
			Title:  "How it affects you",
			Questions: []Question{
				yesNo(4, KeyLegPainBelowKnee, "Does pain go down one leg, below the knee?",
					"Pain below the knee often comes from an irritated nerve (sciatica), which changes the advice."),
				yesNo(4, KeyNumbnessTingling, "Do you have numbness or pins and needles in one leg or foot?",
					"Numbness or tingling means a nerve may be involved, which a doctor should check."),
				yesNo(4, KeyOTCNotHelping, "Have you tried painkillers from a pharmacy or shop without them helping?",
					"If simple painkillers have not helped, hands-on treatment with exercise may."),
				yesNo(4, KeyAffectsSleepDailyLife, "Is the pain affecting your sleep, work or everyday activities?",
					"Pain that gets in the way of daily life deserves more support than self-care alone."),
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
