## Sprememba lastnega gesla (password.html, account.html)
password-title = Spremenite geslo
password-required = Prijavili ste se z enkratnim geslom. Za nadaljevanje izberite svoje geslo.
field-current-password = Trenutno geslo
field-new-password = Novo geslo
field-new-password-hint = Vsaj 12 znakov. Nekaj manj pogostih besed si je lahko zapomniti in jih je težko uganiti.
password-button = Spremeni geslo
notice-password-changed = Vaše geslo je bilo spremenjeno.
account-security = Geslo in povezave
unsubscribe-links-hint = Povezave za odjavo v že prejetih e-sporočilih ne bodo več delovale; naslednji povzetek bo prinesel novo.
unsubscribe-links-button = Prekliči povezave za odjavo v prejšnjih e-sporočilih
notice-unsubscribe-links-revoked = Povezave za odjavo v prejšnjih e-sporočilih ne delujejo več.

## Povezava za odjavo, ki ne deluje več (unsubscribe.html)
unsubscribe-invalid-help = Povezave v starejših e-sporočilih prenehajo delovati, ko so preklicane ali ko je račun zaprt. Prijavite se, da spremenite nastavitve povzetka:

## Zakaj je bilo geslo zavrnjeno (error-<code>)
error-wrong_password = To ni vaše trenutno geslo.
error-unchanged = Izberite geslo, ki se razlikuje od trenutnega.
error-weak_password_common = To je eno najpogosteje uporabljenih gesel. Izberite drugo.
error-weak_password_sequence = Zaporedja, kot sta abc ali 1234, je lahko uganiti.
error-weak_password_repeated = Ponovljene znake ali besede je lahko uganiti.
error-weak_password_keyboard = Vrste in vzorce tipk je lahko uganiti.
error-weak_password_dates = Datume in letnice je lahko uganiti.
error-weak_password_word = Posamezno besedo je lahko uganiti. Dodajte še nekaj besed.
error-weak_password_names = Imena je lahko uganiti. Dodajte nekaj manj pogostih besed.
