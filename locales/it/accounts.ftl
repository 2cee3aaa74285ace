## Cambiare la propria password (password.html, account.html)
password-title = Cambia la tua password
password-required = Hai effettuato l’accesso con una password monouso. Scegli una tua password per continuare.
field-current-password = Password attuale
field-new-password = Nuova password
field-new-password-hint = Almeno 12 caratteri. Alcune parole poco comuni sono facili da ricordare e difficili da indovinare.
password-button = Cambia la password
notice-password-changed = La tua password è stata cambiata.
account-security = Password e link
unsubscribe-links-hint = I link di disiscrizione nelle email già ricevute smetteranno di funzionare; il prossimo riepilogo ne porterà uno nuovo.
unsubscribe-links-button = Ritira i link di disiscrizione delle email precedenti
notice-unsubscribe-links-revoked = I link di disiscrizione delle email precedenti non funzionano più.

## Link di disiscrizione che non funziona più (unsubscribe.html)
unsubscribe-invalid-help = I link delle email meno recenti smettono di funzionare quando vengono ritirati o quando l’account viene chiuso. Accedi per modificare le impostazioni del riepilogo:

## Perché una password è stata rifiutata (error-<code>)
error-wrong_password = Questa non è la tua password attuale.
error-unchanged = Scegli una password diversa da quella attuale.
error-weak_password_common = È una delle password più usate. Scegline un’altra.
error-weak_password_sequence = Le sequenze come abc o 1234 sono facili da indovinare.
error-weak_password_repeated = I caratteri o le parole ripetuti sono facili da indovinare.
error-weak_password_keyboard = Le file e gli schemi di tasti sono facili da indovinare.
error-weak_password_dates = Le date e gli anni sono facili da indovinare.
error-weak_password_word = Una parola da sola è facile da indovinare. Aggiungi qualche parola.
error-weak_password_names = I nomi sono facili da indovinare. Aggiungi qualche parola poco comune.
