# Attaching files to a document from its page.
file-list-empty = No files are attached yet.
file-remove = Remove { $name }
file-upload-label = Attach a file
file-upload-hint = A PDF, an image (PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument), up to 20 MB.
file-upload-submit = Upload
file-type-pdf = PDF document
file-type-image = Image
file-type-text = Text document
file-type-spreadsheet = Spreadsheet
file-type-presentation = Presentation
file-error-too-large = The file is larger than 20 MB. Choose a smaller file.
file-error-type = This type of file is not accepted. Attach a PDF, an image (PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Choose a file to attach.
notice-file-attached = “{ $name }” is attached.
notice-file-attached-review = “{ $name }” is attached; it will be shown to readers once the changes are reviewed and published.
notice-file-removed = “{ $name }” was removed.
notice-file-removed-review = “{ $name }” will be removed once the changes are reviewed and published.
