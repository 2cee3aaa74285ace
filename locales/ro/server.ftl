## Error pages for requests the server refuses before a page is drawn (web/mod.rs)
error-page-method-not-allowed = Această acțiune nu este posibilă aici
error-page-method-not-allowed-text = Această adresă nu poate fi folosită astfel. Întoarceți-vă și folosiți linkurile și butoanele paginii.
error-page-too-large = Prea mult conținut trimis deodată
error-page-too-large-text = Ceea ce ați trimis depășește limita acceptată de platformă. Întoarceți-vă, scurtați textele cele mai lungi și trimiteți din nou formularul.
error-page-too-slow = Trimiterea a durat prea mult
error-page-too-slow-text = Conexiunea a fost prea lentă pentru a trimite formularul la timp. Întoarceți-vă și trimiteți-l din nou.
error-page-bad-request = Cererea nu a putut fi citită
error-page-bad-request-text = Ceea ce a trimis browserul nu a putut fi citit. Întoarceți-vă, reîncărcați pagina și încercați din nou.
