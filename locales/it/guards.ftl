## Changes that would leave the platform without an administrator.
error-last_administrator = Questo è l'unico amministratore attivo. Rendi prima amministratore un altro account.
