## Byta sitt lösenord (password.html, account.html)
password-title = Byt ditt lösenord
password-required = Du loggade in med ett engångslösenord. Välj ett eget lösenord för att fortsätta.
field-current-password = Nuvarande lösenord
field-new-password = Nytt lösenord
field-new-password-hint = Minst 12 tecken. Några ovanliga ord är lätta att komma ihåg och svåra att gissa.
password-button = Byt lösenord
notice-password-changed = Ditt lösenord har bytts.
account-security = Lösenord och länkar
unsubscribe-links-hint = Avregistreringslänkar i e-postmeddelanden som du redan har fått slutar fungera; nästa sammanfattning innehåller en ny.
unsubscribe-links-button = Dra tillbaka avregistreringslänkarna i tidigare e-postmeddelanden
notice-unsubscribe-links-revoked = Avregistreringslänkarna i tidigare e-postmeddelanden fungerar inte längre.

## Avregistreringslänk som inte längre fungerar (unsubscribe.html)
unsubscribe-invalid-help = Länkar i äldre e-postmeddelanden slutar fungera när de dras tillbaka eller när kontot stängs. Logga in för att ändra inställningarna för sammanfattningen:

## Varför ett lösenord avvisades (error-<code>)
error-wrong_password = Det här är inte ditt nuvarande lösenord.
error-unchanged = Välj ett annat lösenord än det nuvarande.
error-weak_password_common = Det här är ett av de mest använda lösenorden. Välj ett annat.
error-weak_password_sequence = Följder som abc eller 1234 är lätta att gissa.
error-weak_password_repeated = Upprepade tecken eller ord är lätta att gissa.
error-weak_password_keyboard = Rader och mönster av tangenter är lätta att gissa.
error-weak_password_dates = Datum och årtal är lätta att gissa.
error-weak_password_word = Ett enda ord är lätt att gissa. Lägg till några ord till.
error-weak_password_names = Namn är lätta att gissa. Lägg till några ovanliga ord.
