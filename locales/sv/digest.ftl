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
