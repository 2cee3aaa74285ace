## Schimbarea propriei parole (password.html, account.html)
password-title = Schimbați-vă parola
password-required = V-ați conectat cu o parolă de unică folosință. Alegeți-vă propria parolă pentru a continua.
field-current-password = Parola actuală
field-new-password = Parola nouă
field-new-password-hint = Cel puțin 12 caractere. Câteva cuvinte mai puțin obișnuite sunt ușor de ținut minte și greu de ghicit.
password-button = Schimbați parola
notice-password-changed = Parola dumneavoastră a fost schimbată.
account-security = Parolă și linkuri
unsubscribe-links-hint = Linkurile de dezabonare din e-mailurile deja primite nu vor mai funcționa; următorul rezumat va aduce unul nou.
unsubscribe-links-button = Retrageți linkurile de dezabonare din e-mailurile anterioare
notice-unsubscribe-links-revoked = Linkurile de dezabonare din e-mailurile anterioare nu mai funcționează.

## Link de dezabonare care nu mai funcționează (unsubscribe.html)
unsubscribe-invalid-help = Linkurile din e-mailurile mai vechi nu mai funcționează după ce sunt retrase sau după închiderea contului. Conectați-vă pentru a modifica setările rezumatului:

## De ce a fost refuzată o parolă (error-<code>)
error-wrong_password = Aceasta nu este parola dumneavoastră actuală.
error-unchanged = Alegeți o parolă diferită de cea actuală.
error-weak_password_common = Aceasta este una dintre cele mai folosite parole. Alegeți alta.
error-weak_password_sequence = Secvențele precum abc sau 1234 sunt ușor de ghicit.
error-weak_password_repeated = Caracterele sau cuvintele repetate sunt ușor de ghicit.
error-weak_password_keyboard = Rândurile și modelele de taste sunt ușor de ghicit.
error-weak_password_dates = Datele și anii sunt ușor de ghicit.
error-weak_password_word = Un singur cuvânt este ușor de ghicit. Adăugați încă câteva cuvinte.
error-weak_password_names = Numele sunt ușor de ghicit. Adăugați câteva cuvinte mai puțin obișnuite.
