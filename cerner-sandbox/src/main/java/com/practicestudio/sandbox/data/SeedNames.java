package com.practicestudio.sandbox.data;

import java.util.List;

/** Common US given names, surnames, streets and Kansas/Missouri places the generator draws from. */
final class SeedNames {

  private SeedNames() {}

  static final List<String> MALE =
      List.of(
          "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas",
          "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven",
          "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
          "Jason", "Edward", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
          "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory",
          "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
          "Jose", "Adam", "Nathan", "Henry", "Zachary", "Douglas", "Peter", "Kyle", "Noah",
          "Ethan", "Jeremy", "Walter", "Christian", "Keith", "Roger", "Terry", "Austin", "Sean",
          "Gerald", "Carl", "Harold", "Dylan", "Arthur", "Lawrence", "Jordan", "Jesse", "Bryan",
          "Billy", "Bruce", "Gabriel", "Joe", "Logan", "Alan", "Juan", "Albert", "Willie", "Elijah",
          "Wayne", "Randy", "Vincent", "Mason", "Roy", "Ralph", "Bobby", "Russell", "Bradley",
          "Philip", "Eugene", "Carlos", "Luis", "Miguel", "Wei", "Minh", "Omar");

  static final List<String> FEMALE =
      List.of(
          "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
          "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Margaret", "Ashley", "Kimberly",
          "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie",
          "Dorothy", "Rebecca", "Sharon", "Laura", "Cynthia", "Amy", "Kathleen", "Angela",
          "Shirley", "Brenda", "Emma", "Anna", "Pamela", "Nicole", "Samantha", "Katherine",
          "Christine", "Helen", "Debra", "Rachel", "Carolyn", "Janet", "Maria", "Catherine",
          "Heather", "Diane", "Olivia", "Julie", "Joyce", "Victoria", "Ruth", "Virginia", "Lauren",
          "Kelly", "Christina", "Joan", "Evelyn", "Judith", "Andrea", "Hannah", "Megan", "Cheryl",
          "Jacqueline", "Martha", "Madison", "Teresa", "Gloria", "Sara", "Janice", "Ann", "Kathryn",
          "Abigail", "Sophia", "Frances", "Jean", "Alice", "Judy", "Isabella", "Julia", "Grace",
          "Amber", "Denise", "Danielle", "Marilyn", "Beverly", "Charlotte", "Natalie", "Theresa",
          "Diana", "Brittany", "Doris", "Kayla", "Alexis", "Lori", "Marie", "Guadalupe", "Rosa",
          "Mei", "Linh", "Fatima");

  static final List<String> SURNAMES =
      List.of(
          "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
          "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
          "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
          "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
          "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
          "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
          "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
          "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
          "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos",
          "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
          "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
          "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins",
          "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
          "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander",
          "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole",
          "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens",
          "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald",
          "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb",
          "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
          "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt",
          "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone",
          "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels",
          "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant",
          "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen",
          "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan",
          "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins",
          "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis",
          "Carpenter", "Lawrence", "Sandoval");

  static final List<String> STREETS =
      List.of(
          "Main", "Oak", "Maple", "Cedar", "Elm", "Walnut", "Pine", "Washington", "Lincoln",
          "Jefferson", "Grand", "Broadway", "Troost", "Prospect", "Wornall", "Ward", "Mission",
          "Metcalf", "Antioch", "Nall", "Quivira", "Blue Ridge", "Noland", "State Line",
          "Santa Fe", "Chouteau", "Independence", "Armour", "Gregory", "Meyer", "College",
          "Vivion", "Barry", "Shawnee Mission", "Johnson", "Ridgeview", "Pflumm", "Lackman",
          "Renner", "Switzer");

  static final List<String> STREET_SUFFIXES =
      List.of("St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Pkwy", "Ct", "Ter", "Way");

  /** City, state, ZIP prefix (3 digits), area code. */
  record Place(String city, String state, String zipPrefix, String areaCode) {}

  static final List<Place> PLACES =
      List.of(
          new Place("Kansas City", "MO", "641", "816"),
          new Place("Kansas City", "MO", "641", "816"),
          new Place("Kansas City", "KS", "661", "913"),
          new Place("Overland Park", "KS", "662", "913"),
          new Place("Olathe", "KS", "660", "913"),
          new Place("Lenexa", "KS", "662", "913"),
          new Place("Shawnee", "KS", "662", "913"),
          new Place("Independence", "MO", "640", "816"),
          new Place("Lee's Summit", "MO", "640", "816"),
          new Place("Blue Springs", "MO", "640", "816"),
          new Place("Liberty", "MO", "640", "816"),
          new Place("Gladstone", "MO", "641", "816"),
          new Place("Raytown", "MO", "641", "816"),
          new Place("Belton", "MO", "640", "816"),
          new Place("St. Joseph", "MO", "645", "816"),
          new Place("Lawrence", "KS", "660", "785"),
          new Place("Topeka", "KS", "666", "785"),
          new Place("Manhattan", "KS", "665", "785"),
          new Place("Wichita", "KS", "672", "316"),
          new Place("Columbia", "MO", "652", "573"),
          new Place("Springfield", "MO", "658", "417"),
          new Place("Goodland", "KS", "677", "785"));

  /** Given-name nicknames used for near-duplicate records. */
  static final List<List<String>> NICKNAMES =
      List.of(
          List.of("Robert", "Bob"),
          List.of("William", "Bill"),
          List.of("Richard", "Rick"),
          List.of("James", "Jim"),
          List.of("Michael", "Mike"),
          List.of("Elizabeth", "Liz"),
          List.of("Katherine", "Kate"),
          List.of("Margaret", "Peggy"),
          List.of("Jennifer", "Jenny"),
          List.of("Christopher", "Chris"),
          List.of("Patricia", "Pat"),
          List.of("Joseph", "Joe"),
          List.of("Thomas", "Tom"),
          List.of("Deborah", "Debbie"));
}
