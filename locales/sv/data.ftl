## Dina uppgifter: kontots sida om uppgifter, översikten i nedladdningen och radering av ett konto.

data-title = Dina uppgifter
data-intro = Du kan ladda ned allt som plattformen har sparat om dig, och du kan begära att ditt konto raderas. I integritetsmeddelandet står vad som sparas, varför och hur länge.
data-privacy-link = Läs integritetsmeddelandet
data-account-link = Dina uppgifter: ladda ned dem eller begär att ditt konto raderas
data-download-heading = Ladda ned dina uppgifter
data-download-text = En enda ZIP-fil med ditt konto, dina inställningar och inloggningar, de dokument som du har skapat, dina ändringar, översättningar och kommentarer, din aktivitet och de sammanfattningar som har skickats till dig: en översikt att läsa på ditt språk och samma uppgifter som JSON-filer för datorprogram.
data-download-button = Ladda ned mina uppgifter
data-erase-heading = Radering av ditt konto
data-erase-text = När ditt konto raderas tas din e-postadress, ditt namn, ditt lösenord, dina inloggningar, din kalenderadress och dina sammanfattningar bort för gott, och du kan inte längre logga in. De dokument som du har skrivit finns kvar hos partnerskapet och visas under din partners namn: de ingår i projektets handlingar. En samordnare bekräftar raderingen.
data-erase-confirm-label = Jag förstår att mitt konto kommer att raderas och inte kan återställas.
data-erase-button = Begär att mitt konto raderas
data-erase-requested = Den { $date } begärde du att ditt konto ska raderas. En samordnare bekräftar det; fram till dess kan du ändra dig.
data-erase-requested-on = Begärd den { $date }
data-erase-withdraw-button = Behåll mitt konto
data-erase-last-admin = Du är den enda aktiva administratören: gör ett annat konto till administratör innan du begär att ditt eget raderas.
data-erase-confirm-required = Kryssa i rutan för att bekräfta.
notice-erasure-requested = Din begäran har registrerats. En samordnare bekräftar den.
notice-erasure-withdrawn = Din begäran har dragits tillbaka: ditt konto finns kvar.

data-summary-title = Dina uppgifter på MICROFUTURE Exchange
data-summary-made = Sammanställd den { $date } för { $name }.
data-summary-files = Den här mappen innehåller den här översikten och samma uppgifter som JSON-filer för datorprogram (tider i UTC); index.json listar dem.
data-summary-account = Ditt konto
data-account-since = Kontot skapades
data-count = { $count ->
    [0] Inget registrerat.
    [one] En post.
   *[other] { $count } poster.
}
data-none = —
data-section-sessions = Inloggningar
data-section-calendar = Kalenderadresser
data-section-documents = Dokument som du har skapat
data-section-revisions = Ändringar som du har gjort i dokument
data-section-translations = Översättningar som du har skrivit
data-section-drafts = Utkast som du har arbetat med
data-section-proposals = Översättningar som du har föreslagit
data-section-deliverables = Leveranser vars status du har ändrat
data-section-activity = Din aktivitet
data-section-digests = Sammanfattningar som har skickats till dig
data-col-signed-in = Inloggad
data-col-ends = Avslutad eller upphör
data-col-how = Hur
data-col-made = Skapad
data-col-stopped = Stoppad
data-col-title = Rubrik
data-col-kind = Typ
data-col-status = Status
data-col-when = När
data-col-language = Språk
data-col-comment = Kommentar
data-col-from = Tidigare status
data-col-to = Ny status
data-col-what = Vad
data-col-period = Period
data-col-sent = Skickad
data-session-browser = I webbläsaren
data-session-api = Via API:et
data-event-account_created = Konto skapat
data-event-account_changed = Konto ändrat
data-event-account_deactivated = Konto avaktiverat
data-event-account_reactivated = Konto aktiverat igen
data-event-account_password_reset = Nytt engångslösenord utfärdat
data-event-erasure_requested = Radering av kontot begärd
data-event-erasure_withdrawn = Begäran om radering tillbakadragen
data-event-document_created = Dokument skapat
data-event-document_updated = Dokument ändrat
data-event-document_status_changed = Dokumentets status ändrad
data-event-draft_updated = Utkast sparat
data-event-translation_created = Översättning tillagd
data-event-translation_updated = Översättning ändrad
data-event-translation_proposed = Översättning föreslagen
data-event-attachment_added = Fil bifogad
data-event-attachment_proposed = Fil föreslagen
data-event-other = Annan ändring

admin-erasures-title = Begäranden om radering av konton
admin-erasures-intro = De här personerna har begärt att deras konton ska raderas. Raderingen tar bort deras e-postadress, namn, lösenord, inloggningar och sammanfattningar för gott; de dokument som de har skrivit finns kvar och visas under deras partners namn.
admin-erasures-none = Ingen begäran väntar.
admin-erasures-link = Begäranden om radering av konton ({ $count })
admin-erasure-asked = Begärd den { $date }
admin-erasure-button = Radera kontot för { $name }
admin-erasure-done = Kontot har raderats.
admin-erasure-last-admin = Det här är den enda aktiva administratören: gör först ett annat konto till administratör.
admin-erasure-gone = Begäran har dragits tillbaka, eller så har kontot redan raderats.
history-former-member = En tidigare medlem hos { $partner }
