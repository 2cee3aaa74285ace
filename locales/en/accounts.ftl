## Changing one's password (password.html, account.html)
password-title = Change your password
password-required = You signed in with a one-time password. Choose your own password to continue.
field-current-password = Current password
field-new-password = New password
field-new-password-hint = At least 12 characters. A few uncommon words are easy to remember and hard to guess.
password-button = Change the password
notice-password-changed = Your password has been changed.
account-security = Password and links
unsubscribe-links-hint = Unsubscribe links in emails you have already received will stop working; the next digest brings a new one.
unsubscribe-links-button = Withdraw the unsubscribe links of earlier emails
notice-unsubscribe-links-revoked = The unsubscribe links of earlier emails no longer work.

## Unsubscribe link that no longer works (unsubscribe.html)
unsubscribe-invalid-help = Links in older emails stop working when they are withdrawn or the account is closed. Sign in to change your digest settings:

## Why a password was refused (error-<code>)
error-wrong_password = This is not your current password.
error-unchanged = Choose a password different from the current one.
error-weak_password_common = This is one of the most used passwords. Choose another one.
error-weak_password_sequence = Sequences such as abc or 1234 are easy to guess.
error-weak_password_repeated = Repeated characters or words are easy to guess.
error-weak_password_keyboard = Rows and patterns of keys are easy to guess.
error-weak_password_dates = Dates and years are easy to guess.
error-weak_password_word = A single word is easy to guess. Add a few more words.
error-weak_password_names = Names are easy to guess. Add a few uncommon words.
