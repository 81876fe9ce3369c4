"""Words the fictional people are made of: names, job titles."""

FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Julie Claire Élise Anne Marie Lucie Nadia "
    "Sophie Aïcha Hélène Pauline Mathilde Yasmine Laure Émilie Agathe Salomé Fatou "
    "Isabelle Thomas Nicolas Julien Antoine Hugo Lucas Mehdi Karim Paul Pierre Olivier "
    "Romain Maxime Baptiste Yanis Arnaud Vincent Sébastien Théo Louis Samuel Adrien "
    "Benoît Florian Jérôme Malik"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
    "Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard "
    "André Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure "
    "Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément "
    "Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer "
    "Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean "
    "Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux "
    "Colin Fernandez Benali Haddad Traoré Diallo Kaya Pham Tran Cohen Lévy Bouchard"
).split()
ROLE_TITLES = {
    "head": "Directeur·rice d’unité",
    "researcher": "Chargé·e de recherche",
    "professor": "Professeur·e des universités",
    "clinician": "Praticien·ne hospitalier",
    "engineer": "Ingénieur·e de recherche",
    "postdoc": "Chercheur·se post-doctoral·e",
    "phd": "Doctorant·e",
}
