## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Quelqu’un d’autre a enregistré des modifications pendant que vous travailliez. Rien de ce que vous avez saisi n’est perdu, mais rien n’est encore enregistré : examinez les modifications ci-dessous, puis enregistrez à nouveau.
conflict-heading = Modifications faites pendant que vous travailliez
conflict-intro-document = Ses modifications des champs auxquels vous n’avez pas touché figurent déjà dans le formulaire ci-dessous. Là où vous avez tous deux modifié un champ, choisissez la version à garder.
conflict-intro-translation = Ses modifications des parties de cette traduction auxquelles vous n’avez pas touché figurent déjà dans le formulaire ci-dessous. Là où vous avez tous deux modifié un champ, choisissez la version à garder.
conflict-both = Modifié par vous deux : choisissez la version à garder.
conflict-kept = Modifié seulement par quelqu’un d’autre : sa version est conservée.
conflict-theirs = Enregistré par quelqu’un d’autre
conflict-yours = Votre version
conflict-choose = Que garder pour « { $field } »
conflict-keep-yours = Ma version (celle du formulaire)
conflict-keep-theirs = Sa version
conflict-empty = (vide)
conflict-practice-hidden = Une bonne pratique que vous ne pouvez pas consulter
notice-saved-merged = Vos modifications ont été enregistrées ; celles faites entre-temps par quelqu’un d’autre ont été conservées.
notice-translation-saved-merged = La traduction a été enregistrée ; les modifications faites entre-temps par quelqu’un d’autre ont été conservées.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Supprimer ce point
field-remove-action = Supprimer cette action
