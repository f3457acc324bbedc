package com.scalemodels.recs.sampledata;

import java.util.List;

/**
 * Fixed vocabularies modelled on classicmodels: product lines, scales, vendors, places and name parts. All lists
 * are immutable; randomness lives in the generators, never here.
 */
final class ReferenceData {

    private ReferenceData() {
    }

    /** The seven real product lines with their share of the ~110 products of the original catalog. */
    record LineSpec(String name, int productsAtScale1, List<String> scales, double basePriceDollars,
                    String description, List<String> models) {
    }

    static final List<LineSpec> LINES = List.of(
            new LineSpec("Classic Cars", 38, List.of("1:10", "1:12", "1:18", "1:24"), 62.0,
                    "Attention car enthusiasts: Make your wildest car ownership dreams come true. Whether you are"
                            + " looking for classic muscle cars, dream sports cars or movie-inspired miniatures,"
                            + " you will find great choices in this category.",
                    List.of("Ferrari Dino", "Chevy Corvette", "Mercedes-Benz SL", "Porsche 911", "Ford Mustang",
                            "Plymouth Barracuda", "Dodge Charger", "Alfa Romeo GTA", "Lamborghini Diablo",
                            "Jaguar E-type", "Pontiac GTO", "BMW M3", "Toyota Supra", "Buick Riviera", "Shelby Cobra",
                            "Citroën DS", "Aston Martin DB5", "Chevrolet Camaro Z28", "Ford Thunderbird",
                            "Datsun 240Z")),
            new LineSpec("Motorcycles", 13, List.of("1:10", "1:12", "1:18", "1:24", "1:32", "1:50"), 48.0,
                    "Our motorcycles are state of the art replicas of classic as well as contemporary motorcycle"
                            + " legends such as Harley Davidson, Ducati and Vespa.",
                    List.of("Harley Davidson Ultimate Chopper", "Ducati 900 Monster", "Triumph Bonneville",
                            "BMW R 1100 S", "Honda CB750", "Vespa GS150", "Indian Chief", "Moto Guzzi 1100i",
                            "Kawasaki Z1", "Suzuki XREO")),
            new LineSpec("Planes", 12, List.of("1:18", "1:24", "1:72", "1:700"), 50.0,
                    "Unique, diecast airplane and helicopter replicas suitable for collections, as well as home,"
                            + " office or classroom decorations.",
                    List.of("Spitfire Mk IX", "P-51D Mustang", "Boeing X-32A JSF", "Corsair F4U", "Douglas DC-3",
                            "Junkers Ju-52", "Concorde", "Sopwith Camel", "Lockheed L-049 Constellation",
                            "Piper J-3 Cub")),
            new LineSpec("Ships", 9, List.of("1:18", "1:24", "1:72", "1:700"), 45.0,
                    "The perfect holiday or anniversary gift for executives, clients, friends, and family. These"
                            + " handcrafted model ships are unique, stunning works of art.",
                    List.of("HMS Bounty", "Titanic", "Queen Mary", "Pont Yacht", "Mayflower", "USS Constitution",
                            "Andrea Doria", "Cutty Sark")),
            new LineSpec("Trains", 3, List.of("1:18", "1:32", "1:50"), 40.0,
                    "Model trains are a rewarding hobby for enthusiasts of all ages. Whether you're looking for"
                            + " collectible wooden trains, electric streetcars or locomotives, you'll find a number"
                            + " of great choices for any budget.",
                    List.of("Collectable Wooden Train", "Streamliner Locomotive", "Gauge 1 Steam Tender",
                            "Orient Express Sleeping Car", "Flying Scotsman")),
            new LineSpec("Trucks and Buses", 11, List.of("1:12", "1:18", "1:24", "1:32", "1:50"), 55.0,
                    "The Truck and Bus models are realistic replicas of buses and specialized trucks produced from"
                            + " the early 1920s to present. The models range in size from 1:50 to 1:12 scale.",
                    List.of("Ford F-150 Pickup", "Mack Dump Truck", "Greyhound Scenicruiser", "VW Type 2 Bus",
                            "Peterbilt 379", "Diamond T620 Semi-Skirted Tanker", "Chevrolet 3100 Pickup",
                            "London Routemaster Bus")),
            new LineSpec("Vintage Cars", 24, List.of("1:18", "1:24", "1:32", "1:50"), 52.0,
                    "Our Vintage Car models realistically portray automobiles produced from the early 1900s through"
                            + " the 1940s. Materials used include Bakelite, diecast, plastic and wood.",
                    List.of("Ford Model T", "Bugatti Type 35", "Duesenberg SJ", "Rolls-Royce Silver Ghost",
                            "Packard 12-Cylinder", "Cadillac V-16", "Mercedes-Benz 540K", "Chrysler Airflow",
                            "Alfa Romeo 8C 2300", "Hispano-Suiza H6B", "Pierce-Arrow", "Model A Ford J-Coupe")));

    /** Real classicmodels scales, smallest denominator (largest model) first. */
    static final List<String> SCALES = List.of("1:10", "1:12", "1:18", "1:24", "1:32", "1:50", "1:72", "1:700");

    static final List<String> VENDORS = List.of("Min Lin Diecast", "Classic Metal Creations",
            "Highway 66 Mini Classics", "Red Start Diecast", "Motor City Art Classics", "Second Gear Diecast",
            "Autoart Studio Design", "Welly Diecast Productions", "Unimax Art Galleries", "Studio M Art Models",
            "Exoto Designs", "Gearbox Collectibles", "Carousel DieCast Legends");

    static final List<String> FEATURES = List.of("opening hood", "opening doors", "detailed engine",
            "working steering system", "rubber wheels", "chrome trim", "detailed interior", "opening trunk",
            "removable canopy", "authentic paint scheme", "poseable landing gear", "detailed rigging");

    static final List<String> COLORS = List.of("red", "black", "white", "silver", "yellow", "British racing green",
            "midnight blue", "cream");

    /**
     * Real cities and countries of classicmodels customers. Two Norway rows carry the real data's trailing
     * spaces ('Norway  '); several cities are non-ASCII on purpose (München, Genève, Luleå, Århus, Montréal,
     * Köln) so encoders and CSV/SQL round trips get exercised.
     */
    static final List<Place> PLACES = List.of(
            new Place("Nantes", null, "#####", "France", "40.32.####"),
            new Place("Lyon", null, "690##", "France", "78.32.####"),
            new Place("Paris", null, "750##", "France", "(1) 47.55.####"),
            new Place("Marseille", null, "130##", "France", "91.24.####"),
            new Place("Strasbourg", null, "670##", "France", "88.60.####"),
            new Place("Toulouse", null, "310##", "France", "61.77.####"),
            new Place("Lille", null, "590##", "France", "20.16.####"),
            new Place("Reims", null, "51100", "France", "26.47.####"),
            new Place("Las Vegas", "NV", "830##", "USA", "7025551838"),
            new Place("San Rafael", "CA", "97562", "USA", "4155551450"),
            new Place("NYC", "NY", "100##", "USA", "2125557818"),
            new Place("San Francisco", "CA", "941##", "USA", "6505555787"),
            new Place("Allentown", "PA", "70267", "USA", "2155551555"),
            new Place("Burlingame", "CA", "94217", "USA", "6505556809"),
            new Place("Boston", "MA", "021##", "USA", "6175558555"),
            new Place("Cambridge", "MA", "51247", "USA", "6175555555"),
            new Place("Bridgewater", "CT", "97562", "USA", "2035552570"),
            new Place("New Haven", "CT", "97823", "USA", "2035554407"),
            new Place("Glendale", "CA", "92561", "USA", "6265557265"),
            new Place("Brickhaven", "MA", "58339", "USA", "6175558428"),
            new Place("Philadelphia", "PA", "71270", "USA", "2155554369"),
            new Place("Pasadena", "CA", "90003", "USA", "6265557265"),
            new Place("White Plains", "NY", "24067", "USA", "9145554562"),
            new Place("Melbourne", "Victoria", "3004", "Australia", "03 9520 ####"),
            new Place("Chatswood", "NSW", "2067", "Australia", "(02) 9936 ####"),
            new Place("North Sydney", "NSW", "2060", "Australia", "02 9936 ####"),
            new Place("Glen Waverly", "Victoria", "3150", "Australia", "61-3-956-####"),
            new Place("South Brisbane", "Queensland", "4101", "Australia", "61-7-384-####"),
            new Place("Stavern", null, "4110", "Norway  ", "07-98 ####"),
            new Place("Bergen", null, "N 5804", "Norway  ", "+47 2267 ####"),
            new Place("Oslo", null, "N 0106", "Norway", "+47 2212 ####"),
            new Place("Warszawa", null, "01-012", "Poland", "(26) 642-####"),
            new Place("Frankfurt", null, "60528", "Germany", "069-055####"),
            new Place("München", null, "80686", "Germany", "089-0877####"),
            new Place("Köln", null, "50739", "Germany", "0221-555####"),
            new Place("Aachen", null, "52066", "Germany", "0241-039###"),
            new Place("Mannheim", null, "68306", "Germany", "0621-08###"),
            new Place("Berlin", null, "12209", "Germany", "030-007####"),
            new Place("Cunewalde", null, "01307", "Germany", "0372-555###"),
            new Place("Madrid", null, "280##", "Spain", "(91) 555 ## ##"),
            new Place("Barcelona", null, "08022", "Spain", "(93) 203 ####"),
            new Place("Sevilla", null, "41101", "Spain", "(95) 555 ## ##"),
            new Place("Luleå", null, "S-958 22", "Sweden", "0921-12 3###"),
            new Place("Bräcke", null, "S-844 67", "Sweden", "0695-34 6###"),
            new Place("Kobenhavn", null, "1734", "Denmark", "31 12 ####"),
            new Place("Århus", null, "8200", "Denmark", "86 21 ####"),
            new Place("Singapore", null, "0799##", "Singapore", "+65 221 ####"),
            new Place("Bergamo", null, "24100", "Italy", "035-640###"),
            new Place("Reggio Emilia", null, "42100", "Italy", "0522-556###"),
            new Place("Torino", null, "10100", "Italy", "011-4988###"),
            new Place("Milan", null, "20145", "Italy", "+39 02 ####"),
            new Place("Genève", null, "1203", "Switzerland", "0897-034###"),
            new Place("Bern", null, "3012", "Switzerland", "0452-076###"),
            new Place("Salzburg", null, "5020", "Austria", "6562-9###"),
            new Place("Graz", null, "8010", "Austria", "7675-3###"),
            new Place("Bruxelles", null, "B-1180", "Belgium", "(02) 201 24 ##"),
            new Place("Charleroi", null, "B-6000", "Belgium", "(071) 23 67 ##"),
            new Place("Manchester", null, "EC2 5NT", "UK", "(171) 555-####"),
            new Place("London", null, "WX1 6LT", "UK", "(171) 555-####"),
            new Place("Liverpool", null, "WX1 6LT", "UK", "(171) 555-####"),
            new Place("Cowes", "Isle of Wight", "PO31 7PJ", "UK", "(198) 555-####"),
            new Place("Dublin", null, null, "Ireland", "2967 ###"),
            new Place("Cork", "Co. Cork", null, "Ireland", "(021) 555 ####"),
            new Place("Helsinki", null, "21240", "Finland", "90-224 8###"),
            new Place("Oulu", null, "90110", "Finland", "981-44####"),
            new Place("Espoo", null, "FIN-02271", "Finland", "(09) 512 ####"),
            new Place("Montréal", "Québec", "H1J 1C3", "Canada", "(514) 555-####"),
            new Place("Vancouver", "BC", "V3F 2K1", "Canada", "(604) 555-####"),
            new Place("Tsawassen", "BC", "T2F 8M4", "Canada", "(604) 555-####"),
            new Place("Tokyo", "Tokyo", "106-0032", "Japan", "+81 3 3584 ####"),
            new Place("Osaka", "Osaka", "530-0003", "Japan", "+81 6 6342 ####"),
            new Place("Auckland  ", null, null, "New Zealand", "+64 9 312 ####"),
            new Place("Wellington", null, null, "New Zealand", "64-9-3763###"),
            new Place("Makati City", "Makati City", "1227 MM", "Philippines", "+63 2 555 ####"),
            new Place("Hong Kong", null, null, "Hong Kong", "+852 2251 ####"),
            new Place("Amsterdam", null, "1017 HS", "Netherlands", "+31 20 491 ####"),
            new Place("Lisboa", null, "1675", "Portugal", "(1) 356-####"),
            new Place("Moscow", null, "115054", "Russia", "+7 495 213 ####"),
            new Place("Saint Petersburg", null, "196143", "Russia", "+7 812 293 ####"),
            new Place("Herzlia", null, "47625", "Israel", "+972 9 959 ####"),
            new Place("Johannesburg", null, "2001", "South Africa", "+27 21 550 ####"));

    static final List<Integer> SALES_REPS = List.of(1165, 1166, 1188, 1216, 1286, 1323, 1337, 1370, 1401, 1501,
            1504, 1611, 1612, 1621, 1702);

    static final List<String> COMPANY_FIRST = List.of("Atelier", "Signal", "Australian", "La Rochelle", "Baane",
            "Mini", "Land of", "Euro+", "Volvo", "Danish", "Saveley & Henriot,", "Dragon", "Muscle Machine",
            "Diecast", "Technics", "Handji", "Herkku", "Gift Depot", "Kelly's", "Cruz & Sons", "Vitachrome",
            "Toys4GrownUps.com", "Corrida", "Lyon", "Oulu", "Marta's", "Royal", "Mini Wheels", "Collectable",
            "Heintze", "Double Decker", "Clover", "Frau da", "Stylish", "Québec", "Auto", "Anna's", "Classic");

    static final List<String> COMPANY_SECOND = List.of("Gifts", "Collectables", "Model Cars", "Souveniers",
            "Replicas", "Toys", "Classics", "Wholesale", "Imports", "Auto Replicas", "Decorations", "Gift Stores",
            "Miniatures", "Models", "Co-op", "Distributors", "Traders");

    static final List<String> COMPANY_SUFFIX = List.of("Co.", "Inc.", "Ltd.", "Ltd", "", "& Co.", "Corp.", "GmbH",
            "AG", "S.A.", "", "", "Inc");

    static final List<String> FIRST_NAMES = List.of("Carine", "Jean", "Peter", "Janine", "Jonas", "Susan", "Zbyszek",
            "Roland", "Julie", "Kwai", "Diego", "Christina", "Jytte", "Mary", "Eric", "Jeff", "Kelvin", "Juri",
            "Wendy", "Veysel", "Keith", "Isabel", "Martine", "Marie", "Jerry", "Leslie", "Elizabeth", "Yoshi",
            "Miguel", "Pascale", "Rosa", "Sue", "Ann", "Dean", "Steve", "Maria", "Horst", "Hanna", "Björn", "Mónica",
            "Rachel", "Arnold", "Michael", "Helen", "Paolo", "Tony", "Yu", "Wing", "Akiko", "Frédérique");

    static final List<String> LAST_NAMES = List.of("Schmitt", "King", "Ferguson", "Labrune", "Bergulfsen", "Nelson",
            "Piestrzeniewicz", "Keitel", "Murphy", "Lee", "Freyre", "Berglund", "Petersen", "Saveley", "Natividad",
            "Young", "Leong", "Hashimoto", "Victorino", "Oeztan", "Franco", "de Castro", "Rancé", "Bertrand",
            "Tseng", "Taylor", "Devon", "Tamuri", "Barajas", "Cartrain", "Salazar", "Frick", "Brown", "Cassidy",
            "Müller", "Larsson", "O'Hara", "Moroni", "Citeaux", "Roulet", "Pfalzheim", "Kuo", "Huang", "Ashworth",
            "Shimamura", "Fresnière", "Accorti", "Hernández", "Lincoln", "Kloss");

    static final List<String> STREETS = List.of("rue Royale", "Strong St.", "Arenales", "Fauntleroy Circus",
            "Kirkegård", "Lyonerstr.", "Mehrheimerstr.", "Berliner Platz", "Torikatu", "Hauptstr.",
            "Grenzacherweg", "Av. du Roule", "Drammensveien", "Pine Court", "Baker Street", "Grafton Street",
            "Rua da Panificadora", "Dongjiadu Road", "Seaside Avenue", "Georgia Avenue", "Monitor Way",
            "Commerce Road", "Garden Grove", "Keskuskatu", "Vinbæltet", "Via Ludovico il Moro", "Sierras de Granada",
            "Chiaro Road", "Wellington Street", "Ginza");

    static final List<String> ADDRESS_LINE2 = List.of("Suite 101", "Level 3", "Floor No. 4", "Level 15",
            "2nd Floor", "Bronz Apt. 3/6 Tesvikiye", "Suite 400", "PO Box 10");
}
