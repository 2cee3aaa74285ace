## Vos données : la page des données du compte, la synthèse du téléchargement et l’effacement d’un compte.

data-title = Vos données
data-intro = Vous pouvez télécharger tout ce que la plateforme conserve à votre sujet et demander l’effacement de votre compte. La politique de confidentialité indique ce qui est conservé, pourquoi et pendant combien de temps.
data-privacy-link = Lire la politique de confidentialité
data-account-link = Vos données : les télécharger ou demander l’effacement de votre compte
data-download-heading = Télécharger vos données
data-download-text = Un seul fichier ZIP avec votre compte, vos paramètres, vos connexions, les documents que vous avez créés, vos modifications, traductions et commentaires, votre activité et les résumés qui vous ont été envoyés : une synthèse à lire dans votre langue et les mêmes données sous forme de fichiers JSON, destinés aux logiciels.
data-download-button = Télécharger mes données
data-erase-heading = Effacement de votre compte
data-erase-text = Lorsque votre compte est effacé, votre adresse électronique, votre nom, votre mot de passe, vos connexions, votre adresse d’agenda et vos résumés sont supprimés définitivement, et vous ne pouvez plus vous connecter. Les documents que vous avez rédigés restent au partenariat et sont présentés sous le nom de votre partenaire : ils font partie des archives du projet. Un coordinateur confirme l’effacement.
data-erase-confirm-label = Je comprends que mon compte sera effacé et qu’il ne pourra pas être restauré.
data-erase-button = Demander l’effacement de mon compte
data-erase-requested = Vous avez demandé l’effacement de votre compte le { $date }. Un coordinateur va le confirmer ; d’ici là, vous pouvez changer d’avis.
data-erase-requested-on = Demandé le { $date }
data-erase-withdraw-button = Conserver mon compte
data-erase-last-admin = Vous êtes le seul administrateur actif : attribuez le rôle d’administrateur à un autre compte avant de demander l’effacement du vôtre.
data-erase-confirm-required = Cochez la case pour confirmer.
notice-erasure-requested = Votre demande a été enregistrée. Un coordinateur va la confirmer.
notice-erasure-withdrawn = Votre demande a été retirée : votre compte est conservé.

data-summary-title = Vos données sur MICROFUTURE Exchange
data-summary-made = Établi le { $date } pour { $name }.
data-summary-files = Ce dossier contient cette synthèse et les mêmes données sous forme de fichiers JSON destinés aux logiciels (heures en UTC) ; le fichier index.json en donne la liste.
data-summary-account = Votre compte
data-account-since = Création du compte
data-count = { $count ->
    [0] Rien n’a été enregistré.
    [one] Une entrée.
   *[other] { $count } entrées.
}
data-none = —
data-section-sessions = Connexions
data-section-calendar = Adresses d’agenda
data-section-documents = Documents que vous avez créés
data-section-revisions = Modifications que vous avez apportées aux documents
data-section-translations = Traductions que vous avez rédigées
data-section-drafts = Brouillons sur lesquels vous avez travaillé
data-section-proposals = Traductions que vous avez proposées
data-section-deliverables = Livrables dont vous avez changé le statut
data-section-activity = Votre activité
data-section-digests = Résumés qui vous ont été envoyés
data-col-signed-in = Connexion
data-col-ends = Fin (effective ou prévue)
data-col-how = Mode d’accès
data-col-made = Création
data-col-stopped = Arrêt
data-col-title = Titre
data-col-kind = Type
data-col-status = Statut
data-col-when = Quand
data-col-language = Langue
data-col-comment = Commentaire
data-col-from = Statut précédent
data-col-to = Nouveau statut
data-col-what = Quoi
data-col-period = Période
data-col-sent = Envoi
data-session-browser = Dans le navigateur
data-session-api = Par l’API
data-event-account_created = Compte créé
data-event-account_changed = Compte modifié
data-event-account_deactivated = Compte désactivé
data-event-account_reactivated = Compte réactivé
data-event-account_password_reset = Nouveau mot de passe à usage unique attribué
data-event-erasure_requested = Effacement du compte demandé
data-event-erasure_withdrawn = Demande d’effacement retirée
data-event-document_created = Document créé
data-event-document_updated = Document modifié
data-event-document_status_changed = Statut du document modifié
data-event-draft_updated = Brouillon enregistré
data-event-translation_created = Traduction ajoutée
data-event-translation_updated = Traduction modifiée
data-event-translation_proposed = Traduction proposée
data-event-attachment_added = Fichier joint
data-event-attachment_proposed = Fichier proposé
data-event-other = Autre modification

admin-erasures-title = Demandes d’effacement de compte
admin-erasures-intro = Ces personnes ont demandé l’effacement de leur compte. L’effacement supprime définitivement leur adresse électronique, leur nom, leur mot de passe, leurs connexions et leurs résumés ; les documents qu’elles ont rédigés restent, présentés sous le nom de leur partenaire.
admin-erasures-none = Aucune demande en attente.
admin-erasures-link = Demandes d’effacement de compte ({ $count })
admin-erasure-asked = Demandé le { $date }
admin-erasure-button = Effacer le compte de { $name }
admin-erasure-done = Le compte a été effacé.
admin-erasure-last-admin = C’est le seul administrateur actif : attribuez d’abord le rôle d’administrateur à un autre compte.
admin-erasure-gone = La demande a été retirée, ou le compte a déjà été effacé.
history-former-member = Un ancien membre de { $partner }
