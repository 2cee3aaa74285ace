## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Goda exempel, mötesanteckningar och handlingsplaner från partnerskapet, på ditt språk
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-home = Startsida
nav-practices = Goda exempel
nav-meeting-notes = Mötesanteckningar
nav-action-plans = Handlingsplaner
nav-search = Sök
nav-account = Ditt konto
nav-sign-in = Logga in
nav-sign-out = Logga ut
language-switcher-label = Språk
signed-in-as = Inloggad som { $name }
footer-project = { $project } · { $programme }
footer-api = API-dokumentation

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date }, { $time } { $zone }

## Roles
role-admin = Administratör
role-coordinator = Samordnare
role-editor = Redaktör
role-viewer = Läsare

## Partner kinds
partner-kind-lead = Huvudpartner
partner-kind-partner = Partner
partner-kind-advisory = Rådgivande partner

## Document kinds
kind-practice = Gott exempel
kind-meeting_note = Mötesanteckning
kind-action_plan = Handlingsplan

## Workflow
status-draft = Utkast
status-in_review = Under granskning
status-published = Publicerad
status-archived = Arkiverad
visibility-partnership = Endast partnerskapet
visibility-public = Offentlig

## Translations
origin-original = Original
origin-human = Översatt av en person
origin-machine = Maskinöversättning
freshness-original = Original
freshness-current = Aktuell
freshness-outdated = Inaktuell

## Themes
theme-economic_recovery = Ekonomisk återhämtning
theme-social_inclusion = Social inkludering
theme-green_transition = Grön omställning
theme-digital_transition = Digital omställning
theme-microcredit = Mikrolån
theme-micro_enterprises = Mikroföretag
theme-social_economy = Social ekonomi
theme-informal_to_formal = Från informellt till formellt arbete
theme-financial_literacy = Finansiell kunskap

## Target groups
target-group-unemployed = Arbetslösa
target-group-minimum_income_recipients = Personer med försörjningsstöd
target-group-women = Kvinnor
target-group-young_people = Unga
target-group-migrants_and_refugees = Migranter och flyktingar
target-group-roma = Romer
target-group-people_with_disabilities = Personer med funktionsnedsättning
target-group-seniors = Äldre
target-group-micro_entrepreneurs = Mikroföretagare
target-group-social_enterprises = Sociala företag
target-group-rural_population = Landsbygdsbefolkning
target-group-financially_excluded = Personer utan tillgång till banktjänster

## Instruments
instrument-microcredit = Mikrolån
instrument-loan_guarantee = Lånegaranti
instrument-grant = Bidrag
instrument-equity = Ägarkapital
instrument-savings_group = Spargrupp
instrument-business_mentoring = Företagsmentorskap
instrument-training = Utbildning
instrument-crowdfunding = Gräsrotsfinansiering
instrument-social_impact_bond = Socialt utfallskontrakt
instrument-revolving_fund = Revolverande fond

## Meetings
meeting-type-interregional_event = Interregionalt evenemang
meeting-type-study_visit = Studiebesök
meeting-type-stakeholder_meeting = Möte med regionala aktörer
meeting-type-steering_group = Styrgrupp
meeting-type-peer_review = Kollegial granskning
meeting-type-online = Digitalt möte
item-status-open = Öppen
item-status-in_progress = Pågår
item-status-done = Klar
item-status-cancelled = Struken

## Actions of action plans
action-status-planned = Planerad
action-status-in_progress = Pågår
action-status-completed = Genomförd
action-status-abandoned = Avbruten
