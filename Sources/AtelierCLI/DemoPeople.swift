import AtelierStore

/// Thirty fictional participants of a police and gendarmerie training in Nouakchott: names common in the
/// region (Hassaniya, Pulaar, Soninke, Wolof, Bambara), a mix of sex, organization types and nationalities.
/// Any resemblance to a real person is coincidental.
enum DemoPeople {
    struct Person {
        var name: String
        var sex: Sex
        var ageBand: AgeBand
        var organizationType: OrganizationType
        var organization: String
        var role: String
        var nationality: String
        var language: String
    }

    static let all: [Person] = [
        Person(
            name: "Mohamed Ould Ahmed",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Commissariat de Tevragh Zeina 1",
            role: "Officier de police judiciaire",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Aminetou Mint Mohamed",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .police,
            organization: "Commissariat de Ksar 2",
            role: "Inspectrice",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Mamadou Ba",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Rosso",
            role: "Maréchal des logis",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Sidi Ould Cheikh",
            sex: .male,
            ageBand: .from45to54,
            organizationType: .gendarmerie,
            organization: "Groupement de gendarmerie de Nouakchott Sud",
            role: "Adjudant-chef",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Fatimata Sy",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .minorsBrigade,
            organization: "Brigade des mineurs de Nouakchott",
            role: "Inspectrice",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Cheikh Ould Brahim",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Direction régionale de la sûreté de Nouadhibou",
            role: "Commissaire adjoint",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Oumar Diallo",
            sex: .male,
            ageBand: .from18to24,
            organizationType: .police,
            organization: "Commissariat de Sebkha",
            role: "Agent de police",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Khadijetou Mint Salem",
            sex: .female,
            ageBand: .from35to44,
            organizationType: .justice,
            organization: "Parquet de Nouakchott Ouest",
            role: "Substitute du procureur",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Abdallahi Ould Beyah",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Boghé",
            role: "Gendarme",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Ibrahima Sow",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Commissariat spécial du port de Nouakchott",
            role: "Officier de police judiciaire",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Mariem Mint Abdallahi",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .socialServices,
            organization: "Direction de l'enfance",
            role: "Travailleuse sociale",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Demba Sarr",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Rosso",
            role: "Gendarme",
            nationality: "SN",
            language: "fr"
        ),
        Person(
            name: "Brahim Ould Salem",
            sex: .male,
            ageBand: .from45to54,
            organizationType: .police,
            organization: "Commissariat d'Arafat 1",
            role: "Brigadier-chef",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Aissata Kane",
            sex: .female,
            ageBand: .from18to24,
            organizationType: .minorsBrigade,
            organization: "Brigade des mineurs de Nouakchott",
            role: "Agente de police",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Moussa Traoré",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Kiffa",
            role: "Maréchal des logis-chef",
            nationality: "ML",
            language: "fr"
        ),
        Person(
            name: "El Moustapha Ould Mohamed",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .police,
            organization: "Commissariat de Dar Naim 2",
            role: "Inspecteur",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Coumba Dia",
            sex: .female,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Commissariat de Toujounine",
            role: "Officière de police judiciaire",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Isselmou Ould Sidi",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Nouadhibou",
            role: "Gendarme",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Abdoulaye Camara",
            sex: .male,
            ageBand: .from45to54,
            organizationType: .gendarmerie,
            organization: "Groupement de gendarmerie de Sélibaby",
            role: "Adjudant",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Zeinabou Mint Cheikh",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .police,
            organization: "Commissariat de Tevragh Zeina 2",
            role: "Inspectrice",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Samba Ly",
            sex: .male,
            ageBand: .from18to24,
            organizationType: .police,
            organization: "Commissariat de Riyad 1",
            role: "Agent de police",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Ahmed Ould Isselmou",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Office central de lutte contre la traite",
            role: "Officier de police judiciaire",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Awa Ndiaye",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .socialServices,
            organization: "Centre d'accueil des enfants, Nouakchott",
            role: "Éducatrice",
            nationality: "SN",
            language: "fr"
        ),
        Person(
            name: "Boubacar Wane",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Kaédi",
            role: "Gendarme",
            nationality: "MR",
            language: "fr"
        ),
        Person(
            name: "Mohamed Lemine Ould Ely",
            sex: .male,
            ageBand: .from45to54,
            organizationType: .justice,
            organization: "Tribunal de Nouakchott Nord",
            role: "Juge des mineurs",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Souleymane Coulibaly",
            sex: .male,
            ageBand: .from25to34,
            organizationType: .police,
            organization: "Poste frontière de Gogui",
            role: "Agent de police",
            nationality: "ML",
            language: "fr"
        ),
        Person(
            name: "Lalla Mint Brahim",
            sex: .female,
            ageBand: .from35to44,
            organizationType: .minorsBrigade,
            organization: "Brigade des mineurs de Nouadhibou",
            role: "Inspectrice",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Amadou Diop",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .gendarmerie,
            organization: "Brigade de gendarmerie de Rosso",
            role: "Maréchal des logis",
            nationality: "SN",
            language: "fr"
        ),
        Person(
            name: "Vatimetou Mint Ahmed Salem",
            sex: .female,
            ageBand: .from25to34,
            organizationType: .police,
            organization: "Commissariat d'El Mina 3",
            role: "Officière de police judiciaire",
            nationality: "MR",
            language: "ar"
        ),
        Person(
            name: "Joseph Mensah",
            sex: .male,
            ageBand: .from35to44,
            organizationType: .police,
            organization: "Liaison office, Nouakchott",
            role: "Police liaison officer",
            nationality: "GH",
            language: "en"
        ),
    ]
}
