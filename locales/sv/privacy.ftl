## Länkar till integritetsmeddelandet (sidfoten i base.html, sign_in.html)
footer-privacy = Integritet
sign-in-privacy = Så behandlas dina personuppgifter

## Integritetsmeddelande (privacy.html)
privacy-title = Integritetsmeddelande
privacy-intro = Här förklaras vad plattformen sparar om dem som använder den, varför, hur länge och vad du kan begära.
privacy-controller-heading = Vem som ansvarar för dina uppgifter
privacy-controller = Personuppgiftsansvarig för dina uppgifter, för projektpartnerskapets räkning, är:
privacy-contact = Skriv till följande adress om du har frågor om dina uppgifter eller vill utöva dina rättigheter:
privacy-contact-lead = Om du har frågor om dina uppgifter eller vill utöva dina rättigheter, kontakta huvudpartnern, { $lead }, via din organisations samordnare i projektet.
privacy-kept-heading = Vad som sparas om dig
privacy-kept-account = Ditt konto: din e-postadress, ditt namn, din partnerorganisation, din roll, ditt språk, din tidszon och dina val för sammanfattningar.
privacy-kept-password = Ditt lösenord, enbart som en Argon2id-hash: ingen, inte heller administratörer, kan läsa ut det.
privacy-kept-sessions = Dina sessioner: när du loggade in, hur länge varje session gäller och när du loggade ut.
privacy-kept-sign-in = Inloggningsförsök: för att försvåra gissning av lösenord räknas de senaste försöken under den e-postadress som angavs och den nätverksadress (IP-adress) de kom från.
privacy-kept-activity = Din aktivitet: vad du har gjort med dokument och arbetsplanen (skapat, redigerat, översatt, granskat, ändrat status) och ändringar av konton, med tidpunkt. Ingen nätverksadress sparas med din aktivitet.
privacy-kept-digests = Sammanfattningarna som skickats till dig via e-post: när var och en skickades, eller varför den inte kunde skickas.
privacy-kept-calendar = Din personliga kalenderadress, om du har skapat en: den sparas bara som en hash.
privacy-kept-content = Dokument, översättningar och kommentarer som du skriver: de hör till partnerskapets gemensamma arbete och visar ditt namn som författare.
privacy-kept-cookies = Plattformen använder bara de kakor som behövs för att hålla dig inloggad och skydda formulären. Den använder inga spårare för statistik eller reklam.
privacy-why-heading = Varför uppgifterna sparas
privacy-why-work = För att bedriva partnerskapets gemensamma arbete: med ditt konto kan du logga in, skriva, översätta och granska dokument, följa arbetsplanen och få de sammanfattningar du valt. Det är en del av den uppgift av allmänt intresse som partnerna utför i sitt Interreg Europe-projekt.
privacy-why-records = För att bevara projektets handlingar: enligt Interregs regler ska partnerna spara projektets handlingar i fem år efter slutbetalningen till projektet. Dokumenten, deras historik och aktiviteten kring dem ingår i dessa handlingar.
privacy-why-security = För att skydda kontona: sessioner och inloggningsförsök sparas bara så länge som de behövs för att skydda kontona mot missbruk.
privacy-retention-heading = Hur länge uppgifterna sparas
privacy-retention-intro = Ditt konto och det du har skrivit sparas så länge kontot finns och, som projekthandlingar, så länge som Interregs regler kräver. Uppgifter som inte längre behövs raderas automatiskt, varje timme, efter perioderna nedan.
privacy-retention-record = Uppgift
privacy-retention-period = Raderas efter
privacy-period-sessions = Avslutade sessioner (utloggning eller utgången giltighet), räknat från när de avslutades
privacy-period-sign-in-attempts = Räkning av inloggningsförsök, med de e-post- och nätverksadresser de förs under, räknat från när räkningen började
privacy-period-digests = Uppgifter om sammanfattningar som skickats till dig, räknat från när de skickades eller skulle ha skickats
privacy-period-account-changes = Namn och e-postadresser i historiken över kontoändringar (vad som ändrades, av vem och när finns kvar)
privacy-period-calendar-tokens = Kalenderadresser som du har återkallat, räknat från återkallelsen
privacy-hours = { $count ->
    [one] { $count } timme
   *[other] { $count } timmar
}
privacy-days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagar
}
privacy-years = { $count ->
    [one] { $count } år
   *[other] { $count } år
}
privacy-rights-heading = Dina rättigheter
privacy-right-access = Tillgång och dataportabilitet: du kan ladda ned allt som plattformen har sparat om dig.
privacy-right-access-link = Ladda ned dina uppgifter
privacy-right-erasure = Radering: på samma sida kan du begära att ditt konto raderas. När en samordnare eller en administratör har bekräftat begäran raderas din e-postadress, ditt namn, ditt lösenord, dina sessioner, sammanfattningar och inloggningsuppgifter; det du har skrivit finns kvar i partnerskapets arbete, utan ditt namn.
privacy-right-rectification = Rättelse: du kan själv rätta ditt namn, språk, tidszon och dina val för sammanfattningar; din organisations samordnare rättar din e-postadress, partner eller roll.
privacy-right-rectification-link = Ditt konto
privacy-right-objection = Invändning och begränsning: du kan invända mot att dina uppgifter används eller begära att behandlingen begränsas, via kontakten ovan.
privacy-right-complaint = Klagomål: du kan lämna in ett klagomål till en tillsynsmyndighet för dataskydd, särskilt i det land där du bor eller arbetar.
privacy-licence-heading = Offentligt innehåll
privacy-licence = Dokument som partnerna publicerar för alla får återanvändas under denna licens:
privacy-licence-default = Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)
privacy-licence-internal = Dokument som bara delas inom partnerskapet omfattas inte av denna licens.

## Ett kontos historik (admin_user.html), när ett namns gamla och nya värden har raderats
admin-event-change-cleared = { $field }: ändrat (värdena sparas inte längre)
