## The static archive `mfx archive` writes: the link in the footer of its pages (base.html),
## its about page (archive_about.html) and its search page (archive_search.html).
archive-footer-about = À propos de cette archive
archive-about-title = À propos de cette archive
archive-about-made = Cette archive a été réalisée le { $date } avec la version { $version } de la plateforme.
archive-about-static = C’est une copie des contenus publics de la plateforme qui se passe de serveur : ouvrez index.html depuis son dossier, ou déposez le dossier chez n’importe quel hébergeur web.
archive-about-contents-heading = Ce qu’elle contient
archive-about-contents = Tous les documents que les partenaires ont publiés pour tous, dans chaque langue de la plateforme, avec leurs fichiers joints et les pages des partenaires. Quand un document n’a pas de texte dans une langue, sa page indique dans quelle langue il est affiché.
archive-about-count-documents = Documents au total
archive-about-count-files = Fichiers joints
archive-about-languages = Langues
archive-about-search = La recherche fonctionne dans le navigateur, sans serveur, lorsque JavaScript est activé.
archive-about-left-out-heading = Ce qu’elle ne contient pas
archive-about-left-out = Les brouillons, les documents en relecture, les documents partagés uniquement au sein du partenariat, les traductions en attente de relecture, l’historique des modifications, ainsi que les noms et adresses des personnes.
archive-licence-heading = Licence
archive-licence = Les documents de cette archive peuvent être réutilisés sous cette licence :
archive-licence-default = Creative Commons Attribution 4.0 International (CC BY 4.0)
archive-search-help = Tapez le début des mots, dans n’importe quelle langue de l’archive ; les accents et les majuscules n’importent pas, et un document doit contenir tous les mots.
archive-search-noscript = La recherche a besoin de JavaScript, qui est désactivé dans ce navigateur. Les listes des bonnes pratiques, des comptes rendus de réunion et des plans d’action mènent à chaque document.
# The browser puts the number in place of $count: no variants by number here.
archive-search-found = Documents trouvés : { $count }
archive-search-none = Aucun document ne contient tous ces mots.
