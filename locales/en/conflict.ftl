## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Someone else saved changes while you were editing. Nothing you typed is lost, but nothing was saved yet: look at the changes below, then save again.
conflict-heading = Changes made while you were editing
conflict-intro-document = Their changes to fields you did not touch are already in the form below. Where you both changed a field, choose which version to keep.
conflict-intro-translation = Their changes to parts of this translation you did not touch are already in the form below. Where you both changed a field, choose which version to keep.
conflict-both = Changed by both of you: choose which version to keep.
conflict-kept = Changed only by someone else: their version is kept.
conflict-theirs = Saved by someone else
conflict-yours = Yours
conflict-choose = What to keep for “{ $field }”
conflict-keep-yours = My version (as in the form)
conflict-keep-theirs = Their version
conflict-empty = (empty)
conflict-practice-hidden = A good practice you may not see
notice-saved-merged = Your changes were saved; the changes someone else made meanwhile were kept.
notice-translation-saved-merged = The translation was saved; the changes someone else made meanwhile were kept.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Remove this item
field-remove-action = Remove this action
