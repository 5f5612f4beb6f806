/**
 * Given names that start a person's name in French news copy: common French given names and names
 * frequent in international news, written by hand (about 400; INSEE's « Fichier des prénoms »,
 * Licence Ouverte, is the public source a fuller list would be drawn from). Words that are as often something else with a capital are left out — « France », « Paris »,
 * « Lourdes », « Rose », « Grâce », « Victoire », « Espérance », « Ambre » — so that « France
 * Télévisions » or « Victoire Sportive » is not taken for a person. A compound (« Jean-Luc »,
 * « Marie-Christine ») is a given name when each of its parts is one.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `
Aaron Abdel Abdelkader Abdou Abel Abdoulaye Adam Adèle Adrien Agathe Agnès Ahmed Aïcha Aimé Alain Alban
Albert Alberto Alejandro Alexander Alexandra Alexandre Alexandrine Alexei Alexis Alfred Ali Alice Aline
Alix Amadou Amandine Amélie Amina Anaïs André Andrea Andrés Andrew Andreï Angela Angèle Angélique Anna
Annabelle Anne Annick Annie Anthony Antoine Antoinette Antonio Apolline Arnaud Arthur Audrey Augustin
Aurélie Aurélien Axel Aymeric Aziz Barack Baptiste Barbara Bastien Béatrice Benjamin Benoît Bernadette
Bernard Bertrand Bill Bruno Boris Brigitte Camille Carine Carla Carlos Carole Caroline Catherine Cécile
Cédric Céline Chantal Charles Charlotte Chloé Christelle Christian Christiane Christine Christophe
Claire Clara Claude Claudine Clémence Clément Colette Corinne Cyril Cyrille Damien Daniel Danièle Danielle
David Delphine Denis Denise Didier Dimitri Dominique Donald Dorothée Édith Édouard Eduardo Elena Éléonore
Éliane Élie Élisabeth Élise Elizabeth Ella Élodie Éloïse Emma Emmanuel Emmanuelle Émile Émilie Enzo Éric
Erik Ernest Estelle Étienne Eugène Éva Evelyne Fabien Fabienne Fabrice Farid Fatima Fatou Félix Fernand
Fernando Florence Florent Florian Francis Francisco Franck François Françoise Frédéric Frédérique Gabriel
Gabrielle Gaël Gaëlle Gaëtan Geneviève Georges Gérald Gérard Germaine Ghislaine Gilbert Gilles Gisèle
Grégoire Grégory Guillaume Gustave Guy Hakim Hamid Hassan Hélène Henri Henriette Hervé Hubert Hugo
Hugues Ibrahim Inès Ingrid Irène Isabelle Ivan Jacqueline Jacques James Jean Jeanne Jérémie Jérémy
Jérôme Jessica Joachim Joe Joël Joëlle Johan John Jonathan Jordan Joseph Joséphine Josette Josiane Josh
Jules Julie Julien Juliette Justine Karim Karima Karine Kevin Khaled Laetitia Lætitia Laura Laure
Laurence Laurent Léa Léo Léon Léonie Lina Lionel Lisa Lise Louis Louise Luc Luca Lucas Lucie Lucien
Lucienne Ludovic Lydie Madeleine Malik Manon Manuel Marc Marcel Marcelle Margaux Margot Maria Marie
Marianne Marine Mario Marion Mark Marlène Marthe Martial Martin Martine Mathieu Mathilde Matthieu Maud
Maurice Maxime Mehdi Mélanie Mélissa Michael Michaël Michel Michèle Micheline Mickaël Mireille Mohamed
Mohammed Monique Morgane Mounir Muriel Myriam Nadia Nadine Natacha Natalia Nathalie Nathan Nicolas
Nicole Nina Noël Noémie Océane Odette Odile Olivia Olivier Pascal Pascale Patrice Patricia Patrick Paul
Paule Pauline Pedro Philippe Pierre Pierrette Rachel Rachid Raphaël Raphaëlle Raymond Rebecca Régis
Rémi Rémy Renaud René Richard Robert Roberto Robin Roger Roland Romain Rose-Marie Sabine Sacha Salomé
Samia Samir Samuel Sandra Sandrine Sarah Sébastien Serge Sergueï Séverine Simon Simone Sonia Sophie
Stéphane Stéphanie Suzanne Sylvain Sylvie Teddy Théo Théodore Thérèse Thibault Thibaut Thierry Thomas
Tony Tristan Valentin Valérie Véronique Victor Vincent Virginie Vladimir Volodymyr Xavier Yann Yannick
Yasmina Yves Yvette Yvonne Zoé Valéry Ségolène Rachida Najat Jordan Kylian Zinedine Didier Aya Greta Olaf Keir Rishi Giorgia Pedro Recep Benyamin Volodymyr Xi Narendra Kamala Joe Mark Elon Jeff Sam
`
    .split(/\s+/)
    .filter((name) => name !== ''),
);
