## Datele dumneavoastră: pagina cu datele contului, sinteza din fișierul descărcat și ștergerea unui cont.

data-title = Datele dumneavoastră
data-intro = Puteți descărca tot ce păstrează platforma despre dumneavoastră și puteți cere ștergerea contului. Nota de informare privind confidențialitatea arată ce se păstrează, de ce și cât timp.
data-privacy-link = Citiți nota de informare privind confidențialitatea
data-account-link = Datele dumneavoastră: descărcați-le sau cereți ștergerea contului
data-download-heading = Descărcați datele dumneavoastră
data-download-text = Un singur fișier ZIP cu contul și setările dumneavoastră, autentificările, documentele pe care le-ați creat, modificările, traducerile și comentariile dumneavoastră, activitatea și rezumatele care v-au fost trimise: o sinteză de citit în limba dumneavoastră și aceleași date ca fișiere JSON, destinate programelor informatice.
data-download-button = Descarcă datele mele
data-erase-heading = Ștergerea contului
data-erase-text = Când contul dumneavoastră este șters, adresa de e-mail, numele, parola, autentificările, adresa de calendar și rezumatele sunt eliminate definitiv și nu vă mai puteți autentifica. Documentele pe care le-ați scris rămân la parteneriat și sunt afișate sub numele partenerului dumneavoastră: ele fac parte din evidențele proiectului. Ștergerea este confirmată de un coordonator.
data-erase-confirm-label = Înțeleg că contul meu va fi șters și că nu va mai putea fi restaurat.
data-erase-button = Solicit ștergerea contului meu
data-erase-requested = Ați cerut ștergerea contului pe { $date }. Un coordonator o va confirma; până atunci vă puteți răzgândi.
data-erase-requested-on = Solicitată pe { $date }
data-erase-withdraw-button = Îmi păstrez contul
data-erase-last-admin = Sunteți singurul administrator activ: atribuiți rolul de administrator altui cont înainte de a cere ștergerea contului dumneavoastră.
data-erase-confirm-required = Bifați caseta pentru a confirma.
notice-erasure-requested = Cererea dumneavoastră a fost înregistrată. Un coordonator o va confirma.
notice-erasure-withdrawn = Cererea dumneavoastră a fost retrasă: contul rămâne activ.

data-summary-title = Datele dumneavoastră pe MICROFUTURE Exchange
data-summary-made = Generată pe { $date } pentru { $name }.
data-summary-files = Acest dosar conține această sinteză și aceleași date ca fișiere JSON, destinate programelor informatice (orele sunt în UTC); fișierul index.json le enumeră.
data-summary-account = Contul dumneavoastră
data-account-since = Data creării contului
data-count = { $count ->
    [0] Nimic înregistrat.
    [one] O înregistrare.
    [few] { $count } înregistrări.
   *[other] { $count } de înregistrări.
}
data-none = —
data-section-sessions = Autentificări
data-section-calendar = Adrese de calendar
data-section-documents = Documente create de dumneavoastră
data-section-revisions = Modificări aduse de dumneavoastră documentelor
data-section-translations = Traduceri scrise de dumneavoastră
data-section-drafts = Ciorne la care ați lucrat
data-section-proposals = Traduceri propuse de dumneavoastră
data-section-deliverables = Livrabile cărora le-ați schimbat starea
data-section-activity = Activitatea dumneavoastră
data-section-digests = Rezumate trimise către dumneavoastră
data-col-signed-in = Autentificare
data-col-ends = Încheiere (efectivă sau prevăzută)
data-col-how = Mod de acces
data-col-made = Creată
data-col-stopped = Oprită
data-col-title = Titlu
data-col-kind = Tip
data-col-status = Stare
data-col-when = Când
data-col-language = Limbă
data-col-comment = Comentariu
data-col-from = Starea anterioară
data-col-to = Starea nouă
data-col-what = Ce
data-col-period = Perioadă
data-col-sent = Trimis
data-session-browser = În browser
data-session-api = Prin API
data-event-account_created = Cont creat
data-event-account_changed = Cont modificat
data-event-account_deactivated = Cont dezactivat
data-event-account_reactivated = Cont reactivat
data-event-account_password_reset = Parolă nouă de unică folosință atribuită
data-event-erasure_requested = Cerere de ștergere a contului
data-event-erasure_withdrawn = Cerere de ștergere retrasă
data-event-document_created = Document creat
data-event-document_updated = Document modificat
data-event-document_status_changed = Starea documentului modificată
data-event-draft_updated = Ciornă salvată
data-event-translation_created = Traducere adăugată
data-event-translation_updated = Traducere modificată
data-event-translation_proposed = Traducere propusă
data-event-attachment_added = Fișier atașat
data-event-attachment_proposed = Fișier propus
data-event-other = Altă modificare

admin-erasures-title = Cereri de ștergere a contului
admin-erasures-intro = Aceste persoane au cerut ștergerea conturilor lor. Ștergerea elimină definitiv adresa de e-mail, numele, parola, autentificările și rezumatele lor; documentele pe care le-au scris rămân, afișate sub numele partenerului lor.
admin-erasures-none = Nicio cerere în așteptare.
admin-erasures-link = Cereri de ștergere a contului ({ $count })
admin-erasure-asked = Solicitată pe { $date }
admin-erasure-button = Șterge contul lui { $name }
admin-erasure-done = Contul a fost șters.
admin-erasure-last-admin = Acesta este singurul administrator activ: mai întâi atribuiți rolul de administrator altui cont.
admin-erasure-gone = Cererea a fost retrasă sau contul a fost deja șters.
history-former-member = Un fost membru al partenerului { $partner }
