// Commutable places around common office cities: someone in Jersey City or Evanston is "in or near" a New
// York or Chicago office. Matching is by name, so a place is listed the way resumes write it.

export type MetroArea = { city: string; places: string[] };

export const metroAreas: MetroArea[] = [
  {
    city: 'New York',
    places: [
      'New York',
      'NYC',
      'Manhattan',
      'Brooklyn',
      'Queens',
      'Bronx',
      'Staten Island',
      'Jersey City',
      'Hoboken',
      'Newark',
      'Yonkers',
      'Long Island',
      'Stamford',
      'White Plains',
    ],
  },
  {
    city: 'Chicago',
    places: [
      'Chicago',
      'Evanston',
      'Oak Park',
      'Naperville',
      'Schaumburg',
      'Cicero',
      'Skokie',
      'Aurora',
      'Joliet',
      'Oak Brook',
      'Arlington Heights',
      'Wheaton',
    ],
  },
  {
    city: 'San Francisco',
    places: [
      'San Francisco',
      'Bay Area',
      'Oakland',
      'Berkeley',
      'San Jose',
      'Palo Alto',
      'Mountain View',
      'Sunnyvale',
      'San Mateo',
      'Redwood City',
      'Menlo Park',
      'Fremont',
    ],
  },
  {
    city: 'Boston',
    places: ['Boston', 'Cambridge', 'Somerville', 'Brookline', 'Quincy', 'Newton', 'Waltham'],
  },
  { city: 'Seattle', places: ['Seattle', 'Bellevue', 'Redmond', 'Kirkland', 'Tacoma'] },
  {
    city: 'Los Angeles',
    places: ['Los Angeles', 'Santa Monica', 'Pasadena', 'Burbank', 'Long Beach', 'Culver City', 'Irvine'],
  },
  { city: 'Austin', places: ['Austin', 'Round Rock', 'Cedar Park'] },
  {
    city: 'Washington',
    places: ['Washington, DC', 'Washington DC', 'Arlington, VA', 'Alexandria', 'Bethesda', 'Silver Spring'],
  },
  { city: 'London', places: ['London', 'Croydon', 'Reading'] },
  { city: 'Berlin', places: ['Berlin', 'Potsdam'] },
];
