## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Bonnes pratiques, comptes rendus de réunion et plans d’action du partenariat, dans votre langue
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-practices = Bonnes pratiques
nav-meeting-notes = Comptes rendus de réunion
nav-action-plans = Plans d’action
nav-search = Rechercher
nav-account = Votre compte
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
language-switcher-label = Langue
signed-in-as = Connecté en tant que { $name }
footer-project = { $project } · { $programme }
footer-api = Documentation de l’API

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date } à { $time } { $zone }

## Roles
role-admin = Administrateur
role-coordinator = Coordinateur
role-editor = Rédacteur
role-viewer = Lecteur

## Partner kinds
partner-kind-lead = Chef de file
partner-kind-partner = Partenaire
partner-kind-advisory = Partenaire consultatif

## Document kinds
kind-practice = Bonne pratique
kind-meeting_note = Compte rendu de réunion
kind-action_plan = Plan d’action

## Workflow
status-draft = Brouillon
status-in_review = En relecture
status-published = Publié
status-archived = Archivé
visibility-partnership = Partenariat uniquement
visibility-public = Public

## Translations
origin-original = Original
origin-human = Traduit par une personne
origin-machine = Traduction automatique
freshness-original = Original
freshness-current = À jour
freshness-outdated = Obsolète

## Themes
theme-economic_recovery = Relance économique
theme-social_inclusion = Inclusion sociale
theme-green_transition = Transition écologique
theme-digital_transition = Transition numérique
theme-microcredit = Microcrédit
theme-micro_enterprises = Microentreprises
theme-social_economy = Économie sociale
theme-informal_to_formal = Du travail informel au travail déclaré
theme-financial_literacy = Éducation financière

## Target groups
target-group-unemployed = Personnes sans emploi
target-group-minimum_income_recipients = Bénéficiaires du revenu minimum
target-group-women = Femmes
target-group-young_people = Jeunes
target-group-migrants_and_refugees = Personnes migrantes et réfugiées
target-group-roma = Roms
target-group-people_with_disabilities = Personnes en situation de handicap
target-group-seniors = Personnes âgées
target-group-micro_entrepreneurs = Micro-entrepreneurs
target-group-social_enterprises = Entreprises sociales
target-group-rural_population = Population rurale
target-group-financially_excluded = Personnes exclues du système bancaire

## Instruments
instrument-microcredit = Microcrédit
instrument-loan_guarantee = Garantie de prêt
instrument-grant = Subvention
instrument-equity = Prise de participation
instrument-savings_group = Groupe d’épargne
instrument-business_mentoring = Accompagnement d’entreprise
instrument-training = Formation
instrument-crowdfunding = Financement participatif
instrument-social_impact_bond = Contrat à impact social
instrument-revolving_fund = Fonds renouvelable

## Meetings
meeting-type-interregional_event = Événement interrégional
meeting-type-study_visit = Visite d’étude
meeting-type-stakeholder_meeting = Réunion des acteurs régionaux
meeting-type-steering_group = Comité de pilotage
meeting-type-peer_review = Évaluation par les pairs
meeting-type-online = Réunion en ligne
item-status-open = Ouvert
item-status-in_progress = En cours
item-status-done = Terminé
item-status-cancelled = Annulé

## Actions of action plans
action-status-planned = Prévue
action-status-in_progress = En cours
action-status-completed = Réalisée
action-status-abandoned = Abandonnée
