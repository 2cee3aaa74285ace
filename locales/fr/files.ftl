# Joindre des fichiers à un document depuis sa page.
file-list-empty = Aucun fichier n’est encore joint.
file-remove = Retirer { $name }
file-upload-label = Joindre un fichier
file-upload-hint = Un PDF, une image (PNG, JPEG, GIF, WebP) ou un document bureautique (Word, Excel, PowerPoint, OpenDocument), jusqu’à 20 Mo.
file-upload-submit = Envoyer
file-type-pdf = Document PDF
file-type-image = Image
file-type-text = Document texte
file-type-spreadsheet = Tableur
file-type-presentation = Présentation
file-error-too-large = Le fichier dépasse 20 Mo. Choisissez un fichier plus petit.
file-error-type = Ce type de fichier n’est pas accepté. Joignez un PDF, une image (PNG, JPEG, GIF, WebP) ou un document bureautique (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Choisissez un fichier à joindre.
notice-file-attached = « { $name } » est joint.
notice-file-attached-review = « { $name } » est joint ; les lecteurs le verront une fois les modifications relues et publiées.
notice-file-removed = « { $name } » a été retiré.
notice-file-removed-review = « { $name } » sera retiré une fois les modifications relues et publiées.
