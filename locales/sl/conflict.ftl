## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Nekdo drug je shranil spremembe, medtem ko ste urejali. Nič, kar ste vnesli, ni izgubljeno, vendar še ni nič shranjeno: preglejte spremembe spodaj in znova shranite.
conflict-heading = Spremembe, narejene med vašim urejanjem
conflict-intro-document = Njegove spremembe polj, ki se jih niste dotaknili, so že v obrazcu spodaj. Kjer sta oba spremenila isto polje, izberite, katero različico želite obdržati.
conflict-intro-translation = Njegove spremembe delov tega prevoda, ki se jih niste dotaknili, so že v obrazcu spodaj. Kjer sta oba spremenila isto polje, izberite, katero različico želite obdržati.
conflict-both = Spremenila sta ga oba: izberite, katero različico želite obdržati.
conflict-kept = Spremenil ga je samo nekdo drug: njegova različica ostane.
conflict-theirs = Shranil nekdo drug
conflict-yours = Vaša različica
conflict-choose = Kaj obdržati za »{ $field }«
conflict-keep-yours = Mojo različico (kot v obrazcu)
conflict-keep-theirs = Njegovo različico
conflict-empty = (prazno)
conflict-practice-hidden = Dobra praksa, ki je ne morete videti
notice-saved-merged = Vaše spremembe so shranjene; spremembe, ki jih je medtem naredil nekdo drug, so ohranjene.
notice-translation-saved-merged = Prevod je shranjen; spremembe, ki jih je medtem naredil nekdo drug, so ohranjene.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Odstrani to nalogo
field-remove-action = Odstrani ta ukrep
