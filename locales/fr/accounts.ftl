## Changer son mot de passe (password.html, account.html)
password-title = Changer votre mot de passe
password-required = Vous vous êtes connecté avec un mot de passe à usage unique. Choisissez votre propre mot de passe pour continuer.
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-new-password-hint = Au moins 12 caractères. Quelques mots peu courants sont faciles à retenir et difficiles à deviner.
password-button = Changer le mot de passe
notice-password-changed = Votre mot de passe a été changé.
account-security = Mot de passe et liens
unsubscribe-links-hint = Les liens de désabonnement des courriels déjà reçus cesseront de fonctionner ; le prochain résumé en apportera un nouveau.
unsubscribe-links-button = Retirer les liens de désabonnement des courriels précédents
notice-unsubscribe-links-revoked = Les liens de désabonnement des courriels précédents ne fonctionnent plus.

## Lien de désabonnement qui ne fonctionne plus (unsubscribe.html)
unsubscribe-invalid-help = Les liens des anciens courriels cessent de fonctionner lorsqu’ils sont retirés ou que le compte est fermé. Connectez-vous pour modifier vos réglages de résumé :

## Pourquoi un mot de passe a été refusé (error-<code>)
error-wrong_password = Ce n’est pas votre mot de passe actuel.
error-unchanged = Choisissez un mot de passe différent de l’actuel.
error-weak_password_common = C’est l’un des mots de passe les plus utilisés. Choisissez-en un autre.
error-weak_password_sequence = Les suites comme abc ou 1234 sont faciles à deviner.
error-weak_password_repeated = Les caractères ou les mots répétés sont faciles à deviner.
error-weak_password_keyboard = Les rangées et les motifs de touches sont faciles à deviner.
error-weak_password_dates = Les dates et les années sont faciles à deviner.
error-weak_password_word = Un mot seul est facile à deviner. Ajoutez quelques mots.
error-weak_password_names = Les noms sont faciles à deviner. Ajoutez quelques mots peu courants.
