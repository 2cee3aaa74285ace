## The email digest (crates/api/src/digest_mail.rs)
digest-subject = { -brand } : les nouveautés depuis le { $date }
digest-greeting = Bonjour { $name },
digest-intro = voici les nouveautés sur { -brand } depuis le { $date }.
digest-section-practice = Bonnes pratiques
digest-section-meeting_note = Comptes rendus de réunion
digest-section-action_plan = Plans d’action
digest-section-translation = Traductions des documents de votre partenaire
digest-section-deliverable = Livrables de votre partenaire
digest-section-action_item = Actions à mener par votre partenaire
digest-overdue = En retard
digest-due-soon = À échéance dans les 14 prochains jours
digest-change-new = nouveauté
digest-change-updated = mise à jour
digest-change-translation = traduction en { $language }
digest-change-outdated = original modifié depuis la traduction
digest-change-work = { $detail }
digest-changes = { $count ->
    [one] { $count } modification
   *[other] { $count } modifications
}
digest-more = { $count ->
    [one] et { $count } autre
   *[other] et { $count } autres
}
digest-in-language = en { $language }
digest-due-on = échéance le { $date }
digest-open = Ouvrir { -brand }
digest-footer = Vous recevez ce résumé en fonction de vos paramètres. Vous pouvez les modifier dans votre compte ou vous désabonner de ces courriels :
digest-unsubscribe = Se désabonner

## Unsubscribing (unsubscribe.html)
unsubscribe-title = Arrêter le résumé par e-mail
unsubscribe-question = Voulez-vous ne plus recevoir le résumé par e-mail à l’adresse { $email } ?
unsubscribe-button = Arrêter le résumé
unsubscribe-done = Vous ne recevrez plus le résumé par e-mail. Vous pouvez le réactiver dans votre compte.
unsubscribe-invalid = Ce lien n’est pas valide.

## The digest outbox (administrators)
nav-outbox = Lettres récapitulatives
outbox-title = Lettres récapitulatives envoyées et en attente
outbox-intro = Chaque compte reçoit une lettre par période. Une lettre qui n’a pas pu partir est renvoyée après 1, 2, 4 et jusqu’à 60 minutes. Celle que le serveur de messagerie refuse définitivement est mise de côté après huit tentatives ; tant que le serveur est injoignable, les lettres attendent et ne sont mises de côté que trois jours après la fin de leur période. Renvoyez-la d’ici quand le serveur fonctionne de nouveau.
outbox-all = Toutes
outbox-show = Afficher
outbox-none = Aucune lettre ne correspond.
outbox-account = Compte
outbox-period-end = Fin de la période
outbox-attempts = Tentatives
outbox-next = Prochaine tentative
outbox-error = Dernière erreur
outbox-actions = Actions
outbox-retry = Renvoyer
outbox-status-pending = En attente
outbox-status-sending = En cours d’envoi
outbox-status-sent = Envoyée
outbox-status-empty = Rien à signaler
outbox-status-failed = Échec, nouvel essai prévu
outbox-status-parked = Mise de côté
# Why a digest waits or was set aside (outbox.html, from src/web/outbox.rs)
outbox-why-rejected = Le serveur de messagerie a refusé le message définitivement
outbox-why-unwritable = Le message n’a pas pu être composé
outbox-why-refused = Le serveur de messagerie a refusé la connexion
outbox-why-timed-out = Le serveur de messagerie n’a pas répondu à temps
outbox-why-tls = La connexion chiffrée au serveur de messagerie n’a pas pu être établie
outbox-why-deferred = Le serveur de messagerie a demandé de réessayer plus tard
outbox-why-connection = La connexion au serveur de messagerie a échoué
outbox-why-folder = Le dossier des messages n’a pas pu être écrit
notice-digest-queued = La lettre sera renvoyée d’ici une minute.
notice-digest-not-queued = Seule une lettre en échec ou mise de côté peut être renvoyée.
