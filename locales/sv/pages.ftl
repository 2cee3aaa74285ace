## Home (home.html)
home-title = Välkommen
home-latest = Nyheter
home-partners = Partnerna

## Lists (list.html)
list-empty = Här finns inget ännu.
list-count = { $count ->
    [one] Ett dokument
   *[other] { $count } dokument
}
list-next = Nästa sida
list-shown-in = Visas på { $language }: det finns ännu ingen översättning till ditt språk.
filter-partner = Partner
filter-theme = Tema
filter-status = Status
filter-all = Alla
filter-apply = Visa

## Search (search.html)
search-title = Sök
search-label = Ord att söka efter, på valfritt språk
search-button = Sök
search-count = { $count ->
    [one] En träff
   *[other] { $count } träffar
}
search-matched-in = Hittades på { $language }

## Signing in (sign_in.html)
sign-in-title = Logga in
sign-in-button = Logga in
field-email = E-postadress
field-password = Lösenord

## A document (document.html)
document-title = Dokument
document-status = Status
document-updated = Uppdaterad { $date }
document-tools = Verktyg
document-edit = Redigera
document-history = Historik
document-facts = Fakta
document-original-language = Skrivet på
document-languages = Språk
document-translate-into = Översätt till:
document-attachments = Bilagor
banner-fallback = Den här texten visas på { $language } eftersom den ännu inte har översatts till ditt språk.
banner-outdated = Den här översättningen är inaktuell: originalet på { $language } har ändrats sedan det översattes.
banner-machine = Den här texten har maskinöversatts.
document-returned = Återsänt som utkast av { $name } den { $date }:
document-section-fallback = Inte översatt än: det här avsnittet visas på { $language }.
workflow-heading = Arbetsflöde
workflow-comment = Kommentar (varför det skickas tillbaka)
move-to-in_review = Skicka för granskning
move-to-draft = Återför till utkast
move-to-published = Publicera
move-to-archived = Arkivera
action-progress = { $percent } % klart
lineage-heading = Spridning av det här goda exemplet
lineage-description = { $count ->
    [0] Ingen handlingsplan hänvisar ännu till det här goda exemplet.
    [one] En åtgärd i en handlingsplan har inspirerats av det här goda exemplet.
   *[other] { $count } åtgärder i handlingsplaner har inspirerats av det här goda exemplet.
}
lineage-none = Ingen handlingsplan hänvisar ännu till det här goda exemplet.
lineage-inspired-by = Inspirerad av dessa goda exempel

## History (history.html)
history-title = Historik
history-of = Historik för ”{ $title }”
history-back = Tillbaka till dokumentet
history-when = När
history-who = Vem
history-what = Vad
history-details = Detaljer
history-system = Plattformen
history-action-created = Skapat
history-action-edited = Redigerat
history-action-translated = Översatt
history-action-status_changed = Status ändrad
history-action-attachment_added = Fil bifogad
history-action-attachment_removed = Fil borttagen

## Partner (partner.html)
partner-title = Partner
partner-name-en = Namn på engelska
partner-role = Roll i projektet
partner-region = Region
partner-language = Språk
partner-documents = Partnerns dokument

## Account (account.html)
account-title = Ditt konto
account-role = Din roll
field-display-name = Ditt namn
field-language = Språk för sidor och e-post
field-time-zone = Tidszon
save-button = Spara

## Forms (doc_form.html, macros.html)
new-practice = Nytt gott exempel
new-meeting_note = Ny mötesanteckning
new-action_plan = Ny handlingsplan
edit-title = Redigera
edit-of = Redigera ”{ $title }”
form-markdown-hint = I längre texter kan du använda Markdown: **fetstil**, *kursiv*, listor med rader som börjar med ”- ” och länkar.
form-has-errors = Några fält behöver din uppmärksamhet. Vart och ett är markerat nedan.
form-refused = Ditt konto har inte behörighet att spara detta. Inget du skrivit har gått förlorat: kopiera texten eller be din partners samordnare om skrivbehörighet.
form-add-action = Lägg till en åtgärd till
form-add-item = Lägg till en åtgärdspunkt till
form-about = Om dokumentet
form-practice-text = Exemplet
form-evidence = Belägg
form-meeting = Mötet
form-minutes = Protokoll
form-plan = Planen
form-none = Ingen
field-original-language = Originalspråk
field-visibility = Vem som kan läsa det när det har publicerats
field-themes = Teman
field-title = Rubrik
field-summary = Sammanfattning
field-problem = Problem som exemplet hanterar
field-description = Beskrivning
field-resources = Resurser som behövs
field-timescale = Tidsram
field-evidence_of_success = Belägg för resultat
field-difficulties = Svårigheter
field-transfer_potential = Potential för lärande eller överföring
field-stakeholders = Intressenter
field-agenda = Dagordning
field-discussion = Diskussion
field-decisions = Beslut
field-policy_context = Politiskt sammanhang
field-background = Bakgrund: vad man har lärt sig och av vem
field-players = Berörda aktörer
field-funding_sources = Finansieringskällor
field-indicators = Indikatorer
hint-summary = Två eller tre meningar som beskriver exemplet.
hint-problem = Utmaningen som exemplet svarar på.
hint-description = Vad som görs, hur och av vem.
hint-resources = Personal, pengar och partner som behövs.
hint-timescale = Hur lång tid det tar att starta och att driva.
hint-evidence_of_success = Konkreta, mätbara resultat.
hint-difficulties = Vad som var svårt och hur det löstes.
hint-transfer_potential = Vad en annan region skulle behöva för att införa det.
hint-stakeholders = Vilka som deltar och vilka som har nytta av det.
field-location = Geografiskt läge
field-country = Land
hint-country = Två bokstäver, till exempel FR eller SE.
field-region = Region
field-city = Ort
field-start_year = Sedan
field-end_year = Till och med
hint-end_year = Lämna tomt så länge det pågår.
field-target_groups = Målgrupper
field-instruments = Instrument
field-instrument_type = Huvudinstrument
field-loan_size_min_eur = Minsta lån (EUR)
field-loan_size_max_eur = Största lån (EUR)
field-beneficiaries_reached = Antal personer som nåtts
field-repayment_rate_percent = Återbetalningsgrad (%)
field-funding_source = Finansieringskälla
field-contact = Kontakt
field-contact_name = Kontaktperson
field-contact_organisation = Organisation
field-contact_email = Kontaktpersonens e-postadress
field-links = Länkar
hint-links = En webbadress per rad.
field-meeting_type = Typ av möte
field-starts_at = Börjar
field-ends_at = Slutar
field-place = Plats
field-online_url = Länk till det digitala mötet
field-attendees = Deltagare
field-attendee-name = Deltagarens namn
hint-attendees = En person per rad: namn — organisation.
field-action_items = Åtgärdspunkter
hint-action_items = Lämna en rad tom för att hoppa över den. Kryssa i ”Ta bort punkten” för att ta bort en punkt.
field-item = Punkt
field-item-title = Vad som ska göras
field-assignee = Ansvarig partner
field-due_on = Senast
field-status = Status
field-policy_instrument = Styrmedel
field-actions = Åtgärder
field-action = Åtgärd
field-progress_percent = Genomfört (%)
field-starts_on = Startdatum
field-ends_on = Slutdatum
field-estimated_cost_eur = Beräknad kostnad (EUR)
field-inspired_by = Inspirerad av dessa goda exempel

## Translation editor (translate.html)
translate-title = Översättning
translate-into = Översätt till { $language }
translate-of = Original: ”{ $title }”
translate-changed = Ändrat sedan den senaste översättningen
field-origin = Översatt av

## Notices shown after a form was sent
notice-signed-out = Du är utloggad.
notice-created = Dokumentet har skapats som utkast.
notice-saved = Dina ändringar har sparats.
notice-translation-saved = Översättningen har sparats.
notice-moved = Statusen har ändrats.
notice-move-needs-comment = Skriv varför dokumentet skickas tillbaka till utkast.
notice-changed-meanwhile = Någon har ändrat dokumentet under tiden. Titta på det igen.
notice-account-saved = Dina inställningar har sparats.

## Error pages (error.html)
error-page-not-found = Sidan hittades inte
error-page-not-found-text = Sidan finns inte, eller så har du inte behörighet att se den.
error-page-forbidden = Inte tillåtet
error-page-forbidden-text = Ditt konto har inte behörighet att göra detta.
error-page-unauthorized = Logga in
error-page-unauthorized-text = Logga in för att fortsätta.
error-page-failed = Något gick fel
error-page-failed-text = Sidan kunde inte visas. Försök igen om en stund.
error-page-unavailable = Tjänsten är tillfälligt otillgänglig
error-page-unavailable-text = Databasen går inte att nå just nu och inget av det du skickade sparades. Webbläsaren har kvar det du skrev: gå tillbaka och skicka det igen om några sekunder.
error-page-storage-full = Serverns lagringsutrymme är fullt
error-page-storage-full-text = Det finns inget utrymme kvar att spara ändringen, så inget av den sparades. Läsning fungerar som vanligt. Webbläsaren har kvar det du skrev: gå tillbaka och spara texten tills plattformens driftansvarige har frigjort utrymme.

## Digest settings (account.html)
account-digest = Sammanfattning via e-post
field-digest-frequency = Hur ofta
digest-frequency-off = Aldrig
digest-frequency-daily = Varje dag
digest-frequency-weekly = Varje vecka
field-digest-weekday = Veckodag
weekday-1 = måndag
weekday-2 = tisdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lördag
weekday-7 = söndag
field-digest-hour = Timme
field-digest-hour-hint = I din tidszon.
