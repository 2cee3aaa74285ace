## Home (home.html)
home-title = Bienvenue
home-latest = Nouveautés
home-partners = Les partenaires

## Lists (list.html)
list-empty = Aucun élément pour le moment.
list-count = { $count ->
    [one] { $count } document
   *[other] { $count } documents
}
list-next = Page suivante
list-shown-in = Affiché en { $language } : pas encore de traduction dans votre langue.
filter-partner = Partenaire
filter-theme = Thème
filter-status = Statut
filter-all = Tous
filter-apply = Afficher

## Search (search.html)
search-title = Recherche
search-label = Mots à rechercher, dans n’importe quelle langue
search-button = Rechercher
search-count = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-matched-in = Trouvé en { $language }

## Signing in (sign_in.html)
sign-in-title = Connexion
sign-in-button = Se connecter
field-email = Adresse électronique
field-password = Mot de passe

## A document (document.html)
document-title = Document
document-status = Statut
document-updated = Mis à jour le { $date }
document-tools = Outils
document-edit = Modifier
document-history = Historique
document-facts = Informations clés
document-original-language = Rédigé en
document-languages = Langues
document-translate-into = Traduire en :
document-attachments = Pièces jointes
banner-fallback = Ce texte est affiché en { $language } car il n’a pas encore été traduit dans votre langue.
banner-outdated = Cette traduction n’est plus à jour : l’original en { $language } a été modifié depuis sa traduction.
banner-machine = Ce texte a été traduit automatiquement.
document-returned = Renvoyé en brouillon par { $name } le { $date } :
document-section-fallback = Pas encore traduit : cette partie est affichée en { $language }.
workflow-heading = Circuit de validation
workflow-comment = Commentaire (motif du renvoi)
move-to-in_review = Soumettre pour relecture
move-to-draft = Renvoyer en brouillon
move-to-published = Publier
move-to-archived = Archiver
action-progress = Réalisé à { $percent } %
lineage-heading = Transfert de cette pratique
lineage-description = { $count ->
    [0] Aucun plan d’action ne cite encore cette pratique.
    [one] Une action d’un plan d’action s’est inspirée de cette pratique.
   *[other] { $count } actions de plans d’action se sont inspirées de cette pratique.
}
lineage-none = Aucun plan d’action ne cite encore cette pratique.
lineage-inspired-by = S’inspire de ces bonnes pratiques

## History (history.html)
history-title = Historique
history-of = Historique de « { $title } »
history-back = Retour au document
history-when = Quand
history-who = Qui
history-what = Quoi
history-details = Détails
history-system = La plateforme
history-action-created = Création
history-action-edited = Modification
history-action-translated = Traduction
history-action-status_changed = Changement de statut
history-action-attachment_added = Fichier joint
history-action-attachment_removed = Fichier supprimé

## Partner (partner.html)
partner-title = Partenaire
partner-name-en = Nom en anglais
partner-role = Rôle dans le projet
partner-region = Région
partner-language = Langue
partner-documents = Ses documents

## Account (account.html)
account-title = Votre compte
account-role = Votre rôle
field-display-name = Votre nom
field-language = Langue des pages et des courriels
field-time-zone = Fuseau horaire
save-button = Enregistrer

## Forms (doc_form.html, macros.html)
new-practice = Nouvelle bonne pratique
new-meeting_note = Nouveau compte rendu de réunion
new-action_plan = Nouveau plan d’action
edit-title = Modifier
edit-of = Modifier « { $title } »
form-markdown-hint = Les textes longs peuvent utiliser Markdown : **gras**, *italique*, listes commençant par « - » et liens.
form-has-errors = Certains champs sont à vérifier ; chacun est signalé ci-dessous.
form-refused = Votre compte ne permet pas d'enregistrer ceci. Rien de ce que vous avez saisi n'est perdu : copiez-le, ou demandez le droit d'écrire à la coordination de votre partenaire.
form-add-action = Ajouter une autre action
form-add-item = Ajouter une autre action à mener
form-about = À propos du document
form-practice-text = La pratique
form-evidence = Éléments probants
form-meeting = La réunion
form-minutes = Compte rendu
form-plan = Le plan
form-none = Aucun
field-original-language = Langue d’origine
field-visibility = Qui peut le lire une fois publié
field-themes = Thèmes
field-title = Titre
field-summary = Résumé
field-problem = Problème traité
field-description = Description
field-resources = Ressources nécessaires
field-timescale = Calendrier
field-evidence_of_success = Preuves de réussite
field-difficulties = Difficultés rencontrées
field-transfer_potential = Potentiel d’apprentissage ou de transfert
field-stakeholders = Parties prenantes
field-agenda = Ordre du jour
field-discussion = Échanges
field-decisions = Décisions
field-policy_context = Contexte des politiques publiques
field-background = Contexte : ce qui a été appris, et auprès de qui
field-players = Acteurs impliqués
field-funding_sources = Sources de financement
field-indicators = Indicateurs
hint-summary = Deux ou trois phrases qui décrivent la pratique.
hint-problem = Le défi auquel répond la pratique.
hint-description = Ce qui est fait, comment et par qui.
hint-resources = Personnel, budget et partenaires nécessaires.
hint-timescale = Temps nécessaire pour la mettre en place et la faire fonctionner.
hint-evidence_of_success = Résultats concrets et mesurables.
hint-difficulties = Ce qui a été difficile, et comment cela a été résolu.
hint-transfer_potential = Ce dont une autre région aurait besoin pour l’adopter.
hint-stakeholders = Qui y participe et qui en bénéficie.
field-location = Localisation
field-country = Pays
hint-country = Deux lettres, par exemple FR ou SE.
field-region = Région
field-city = Ville
field-start_year = Depuis
field-end_year = Jusqu’à
hint-end_year = Laissez vide si elle est toujours en cours.
field-target_groups = Publics cibles
field-instruments = Instruments
field-instrument_type = Instrument principal
field-loan_size_min_eur = Prêt minimal (EUR)
field-loan_size_max_eur = Prêt maximal (EUR)
field-beneficiaries_reached = Personnes touchées
field-repayment_rate_percent = Taux de remboursement (%)
field-funding_source = Source de financement
field-contact = Contact
field-contact_name = Personne à contacter
field-contact_organisation = Organisme
field-contact_email = Adresse électronique de contact
field-links = Liens
hint-links = Une adresse web par ligne.
field-meeting_type = Type de réunion
field-starts_at = Début
field-ends_at = Fin
field-place = Lieu
field-online_url = Lien de la réunion en ligne
field-attendees = Participants
field-attendee-name = Nom du participant ou de la participante
hint-attendees = Une personne par ligne : nom — organisme.
field-action_items = Actions à mener
hint-action_items = Laissez une ligne vide pour l’ignorer ; cochez « Supprimer ce point » pour supprimer un point.
field-item = Point
field-item-title = Ce qui doit être fait
field-assignee = Partenaire responsable
field-due_on = Échéance
field-status = Statut
field-policy_instrument = Instrument de politique publique
field-actions = Actions
field-action = Action
field-progress_percent = Avancement (%)
field-starts_on = Date de début
field-ends_on = Date de fin
field-estimated_cost_eur = Coût estimé (EUR)
field-inspired_by = S’inspire de ces bonnes pratiques

## Translation editor (translate.html)
translate-title = Traduction
translate-into = Traduire en { $language }
translate-of = Original : « { $title } »
translate-changed = Modifié depuis la dernière traduction
field-origin = Traduit par

## Notices shown after a form was sent
notice-signed-out = Déconnexion effectuée.
notice-created = Le document a été créé en tant que brouillon.
notice-saved = Vos modifications ont été enregistrées.
notice-translation-saved = La traduction a été enregistrée.
notice-moved = Le statut a été modifié.
notice-move-needs-comment = Veuillez indiquer pourquoi le document est renvoyé en brouillon.
notice-changed-meanwhile = Quelqu’un a modifié le document entre-temps ; veuillez le vérifier à nouveau.
notice-account-saved = Vos paramètres ont été enregistrés.

## Error pages (error.html)
error-page-not-found = Page introuvable
error-page-not-found-text = Cette page n’existe pas, ou vous n’êtes pas autorisé à la consulter.
error-page-forbidden = Action non autorisée
error-page-forbidden-text = Votre compte ne permet pas cette action.
error-page-unauthorized = Veuillez vous connecter
error-page-unauthorized-text = Connectez-vous pour continuer.
error-page-failed = Une erreur est survenue
error-page-failed-text = La page n’a pas pu être affichée. Veuillez réessayer dans un instant.
error-page-unavailable = Le service est momentanément indisponible
error-page-unavailable-text = La base de données ne répond pas pour l’instant et rien de ce que vous avez envoyé n’a été enregistré. Votre navigateur garde ce que vous avez saisi : revenez en arrière et renvoyez-le dans quelques secondes.
error-page-storage-full = L’espace de stockage du serveur est plein
error-page-storage-full-text = Il n’y a plus de place pour enregistrer votre modification : rien n’en a été enregistré. La lecture continue normalement. Votre navigateur garde ce que vous avez saisi : revenez en arrière et conservez-le jusqu’à ce que l’exploitant de la plateforme ait libéré de l’espace.

## Digest settings (account.html)
account-digest = Résumé par e-mail
field-digest-frequency = Fréquence
digest-frequency-off = Jamais
digest-frequency-daily = Chaque jour
digest-frequency-weekly = Chaque semaine
field-digest-weekday = Jour de la semaine
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
field-digest-hour = Heure
field-digest-hour-hint = Dans votre fuseau horaire.
