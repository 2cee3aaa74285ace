## Linkuri către nota de informare privind confidențialitatea (subsolul din base.html, sign_in.html)
footer-privacy = Confidențialitate
sign-in-privacy = Cum sunt prelucrate datele dumneavoastră cu caracter personal

## Nota de informare privind confidențialitatea (privacy.html)
privacy-title = Notă de informare privind confidențialitatea
privacy-intro = Această notă explică ce păstrează platforma despre persoanele care o folosesc, de ce, cât timp și ce puteți solicita.
privacy-controller-heading = Cine răspunde de datele dumneavoastră
privacy-controller = Operatorul datelor dumneavoastră cu caracter personal, în numele parteneriatului proiectului, este:
privacy-contact = Pentru orice întrebare privind datele dumneavoastră sau pentru a vă exercita drepturile, scrieți la:
privacy-contact-lead = Pentru orice întrebare privind datele dumneavoastră sau pentru a vă exercita drepturile, contactați partenerul principal, { $lead }, prin coordonatorul organizației dumneavoastră în proiect.
privacy-kept-heading = Ce se păstrează despre dumneavoastră
privacy-kept-account = Contul dumneavoastră: adresa de e-mail, numele, organizația parteneră, rolul, limba, fusul orar și preferințele pentru rezumat.
privacy-kept-password = Parola, numai sub formă de hash Argon2id: nimeni, nici administratorii, nu o poate reconstitui.
privacy-kept-sessions = Sesiunile dumneavoastră: când v-ați autentificat, până când este valabilă fiecare sesiune și când v-ați deconectat.
privacy-kept-sign-in = Încercările de autentificare: pentru a îngreuna ghicirea parolelor, încercările recente sunt numărate după adresa de e-mail introdusă și după adresa de rețea (IP) de la care provin.
privacy-kept-activity = Activitatea dumneavoastră: ce ați făcut cu documentele și cu planul de lucru (creare, modificare, traducere, revizuire, schimbare de stare) și modificările aduse conturilor, cu data și ora. Nicio adresă de rețea nu este înregistrată împreună cu activitatea dumneavoastră.
privacy-kept-digests = Rezumatele trimise prin e-mail: când a fost trimis fiecare sau de ce nu a putut fi trimis.
privacy-kept-calendar = Adresa dumneavoastră personală de calendar, dacă ați creat una: este păstrată numai sub formă de hash.
privacy-kept-content = Documentele, traducerile și comentariile pe care le scrieți: fac parte din munca comună a parteneriatului și poartă numele dumneavoastră ca autor.
privacy-kept-cookies = Platforma folosește numai cookie-urile necesare pentru a vă menține autentificat și pentru a-și proteja formularele. Nu folosește instrumente de urmărire pentru statistici sau publicitate.
privacy-why-heading = De ce se păstrează
privacy-why-work = Pentru desfășurarea muncii comune a parteneriatului: contul vă permite să vă autentificați, să scrieți, să traduceți și să revizuiți documente, să urmăriți planul de lucru și să primiți rezumatele alese. Aceasta face parte din misiunea de interes public pe care partenerii o îndeplinesc în proiectul lor Interreg Europe.
privacy-why-records = Pentru păstrarea evidențelor proiectului: regulile Interreg obligă partenerii să păstreze documentele proiectului timp de cinci ani după plata finală către proiect. Documentele, istoricul lor și activitatea legată de ele fac parte din aceste evidențe.
privacy-why-security = Pentru protejarea conturilor: sesiunile și încercările de autentificare sunt păstrate numai cât este necesar pentru a proteja conturile împotriva utilizării abuzive.
privacy-retention-heading = Cât timp se păstrează
privacy-retention-intro = Contul dumneavoastră și ce ați scris se păstrează cât timp există contul și, ca evidențe ale proiectului, atât timp cât o cer regulile Interreg. Înregistrările care nu mai sunt necesare sunt șterse automat, în fiecare oră, după perioadele de mai jos.
privacy-retention-record = Înregistrare
privacy-retention-period = Ștearsă după
privacy-period-sessions = Sesiunile încheiate (deconectare sau expirare), de la încheierea lor
privacy-period-sign-in-attempts = Numărătorile încercărilor de autentificare, cu adresele de e-mail și de rețea sub care sunt ținute, de la începutul numărătorii
privacy-period-digests = Evidența rezumatelor trimise, de la trimitere sau de la data la care erau datorate
privacy-period-account-changes = Numele și adresele de e-mail din istoricul modificărilor conturilor (rămâne ce s-a modificat, de către cine și când)
privacy-period-calendar-tokens = Adresele de calendar pe care le-ați revocat, de la revocare
privacy-hours = { $count ->
    [one] { $count } oră
    [few] { $count } ore
   *[other] { $count } de ore
}
privacy-days = { $count ->
    [one] { $count } zi
    [few] { $count } zile
   *[other] { $count } de zile
}
privacy-years = { $count ->
    [one] { $count } an
    [few] { $count } ani
   *[other] { $count } de ani
}
privacy-rights-heading = Drepturile dumneavoastră
privacy-right-access = Acces și portabilitate: puteți descărca tot ce deține platforma despre dumneavoastră.
privacy-right-access-link = Descărcați datele dumneavoastră
privacy-right-erasure = Ștergere: pe aceeași pagină puteți cere ștergerea contului. După ce un coordonator sau un administrator o confirmă, adresa de e-mail, numele, parola, sesiunile, rezumatele și evidențele de autentificare sunt șterse; ce ați scris rămâne în munca parteneriatului, fără numele dumneavoastră.
privacy-right-rectification = Rectificare: vă puteți corecta singur numele, limba, fusul orar și preferințele pentru rezumat; coordonatorul organizației dumneavoastră corectează adresa de e-mail, partenerul sau rolul.
privacy-right-rectification-link = Contul dumneavoastră
privacy-right-objection = Opoziție și restricționare: vă puteți opune utilizării datelor sau puteți cere restricționarea prelucrării lor, prin contactul de mai sus.
privacy-right-complaint = Plângere: puteți depune o plângere la o autoritate de supraveghere a protecției datelor, în special în țara în care locuiți sau lucrați.
privacy-licence-heading = Conținut public
privacy-licence = Documentele pe care partenerii le publică pentru toată lumea pot fi reutilizate sub această licență:
privacy-licence-default = Creative Commons Atribuire 4.0 Internațional (CC BY 4.0)
privacy-licence-internal = Documentele partajate numai în cadrul parteneriatului nu intră sub această licență.

## Istoricul unui cont (admin_user.html), după ștergerea valorilor vechi și noi ale unui nume
admin-event-change-cleared = { $field }: modificat (valorile nu mai sunt păstrate)
