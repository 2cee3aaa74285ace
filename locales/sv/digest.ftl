## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand }: nyheter sedan { $date }
digest-greeting = Hej { $name }!
digest-intro = Här är det som är nytt på { -brand } sedan { $date }.
digest-section-practice = Goda exempel
digest-section-meeting_note = Mötesanteckningar
digest-section-action_plan = Handlingsplaner
digest-section-translation = Översättningar av din partners dokument
digest-section-deliverable = Din partners leveranser
digest-section-action_item = Din partners åtgärdspunkter
digest-overdue = Försenade
digest-due-soon = Förfaller inom de närmaste 14 dagarna
digest-change-new = nytt
digest-change-updated = uppdaterat
digest-change-translation = översatt till { $language }
digest-change-outdated = ändrat sedan det översattes
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] en ändring
   *[other] { $count } ändringar
}
digest-more = { $count ->
    [one] och en till
   *[other] och { $count } till
}
digest-in-language = på { $language }
digest-due-on = senast { $date }
digest-open = Öppna { -brand }
digest-footer = Du får den här sammanfattningen utifrån dina inställningar. Du kan ändra dem i ditt konto eller sluta få de här e-postmeddelandena:
digest-unsubscribe = Avsluta prenumerationen

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Stoppa sammanfattningen via e-post
unsubscribe-question = Vill du sluta få sammanfattningen via e-post till { $email }?
unsubscribe-button = Stoppa sammanfattningen
unsubscribe-done = Du får inte längre sammanfattningen via e-post. Du kan slå på den igen i ditt konto.
unsubscribe-invalid = Den här länken är inte giltig.

## The digest outbox (administrators)
nav-outbox = Sammanfattningar via e-post
outbox-title = Skickade och väntande sammanfattningar
outbox-intro = Varje konto får en sammanfattning per period. En sammanfattning som inte kunde skickas försöks igen efter 1, 2, 4 och upp till 60 minuter. En som e-postservern avvisar för gott läggs åt sidan efter åtta försök; så länge e-postservern inte kan nås väntar sammanfattningarna och läggs åt sidan först tre dagar efter periodens slut. Skicka den igen härifrån när e-postservern fungerar.
outbox-all = Alla
outbox-show = Visa
outbox-none = Ingen sammanfattning matchar.
outbox-account = Konto
outbox-period-end = Periodens slut
outbox-attempts = Försök
outbox-next = Nästa försök
outbox-error = Senaste fel
outbox-actions = Åtgärder
outbox-retry = Skicka igen
outbox-status-pending = Väntar
outbox-status-sending = Skickas
outbox-status-sent = Skickad
outbox-status-empty = Inget nytt
outbox-status-failed = Misslyckades, försöker igen
outbox-status-parked = Lagd åt sidan
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = E-postservern avvisade meddelandet för gott
outbox-why-unwritable = Meddelandet kunde inte skrivas
outbox-why-refused = E-postservern vägrade anslutningen
outbox-why-timed-out = E-postservern svarade inte i tid
outbox-why-tls = Den krypterade anslutningen till e-postservern kunde inte upprättas
outbox-why-deferred = E-postservern bad om ett nytt försök senare
outbox-why-connection = Anslutningen till e-postservern misslyckades
outbox-why-folder = E-postmappen kunde inte skrivas
notice-digest-queued = Sammanfattningen skickas igen inom en minut.
notice-digest-not-queued = Bara en misslyckad eller undanlagd sammanfattning kan skickas igen.
