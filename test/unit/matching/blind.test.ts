import { describe, expect, it } from 'vitest';
import { blindCandidate, blindText } from '../../../matching';

const resume = `Jamal Washington
jamal.washington@gmail.com | +1 (312) 555-0142 | 1420 W Maple Street, Chicago, IL 60621
linkedin.com/in/jamalw · https://jamal.dev/portfolio · ![headshot](photo.jpg)

Summary: Mr. Washington is a backend engineer. He led payments work and his team shipped on time.

Senior Backend Engineer, Paycircle (2018 – present)
- Built payment ledger services in Go; Jamal owns the settlement service
Backend Engineer, ShopCo (Jan 2014 – Mar 2018)

Education
B.S. Computer Science, University of Illinois, 2013
Born 1991 · Age: 33`;

describe('blinding a resume before scoring', () => {
  const { text, redactions } = blindText(resume);

  it('removes the name everywhere, including the header and the body', () => {
    expect(text).not.toMatch(/Jamal|Washington/);
    expect(text.split('\n')[0]).toBe('[name]');
    expect(text).toContain('[name] owns the settlement service');
  });

  it('removes contact details, links and the photo', () => {
    expect(text).not.toMatch(/gmail|555-0142|linkedin|jamal\.dev|headshot/);
    expect(text).toContain('[email] | [phone] | [address], Chicago, IL [postal code]');
    expect(redactions).toMatchObject({ email: 1, phone: 1, address: 1, 'postal-code': 1, link: 2, photo: 1 });
  });

  it('keeps the city, which a location requirement needs, but not the zip code', () => {
    expect(text).toContain('Chicago, IL');
    expect(text).not.toContain('60621');
  });

  it('masks graduation years and age but keeps the dates of jobs, which measure experience', () => {
    expect(text).toContain('B.S. Computer Science, [school], [year]');
    expect(text).not.toMatch(/1991|33\b/);
    expect(text).toContain('Paycircle (2018 – present)');
    expect(text).toContain('ShopCo (Jan 2014 – Mar 2018)');
  });

  it('replaces gendered pronouns and honorifics with neutral words', () => {
    expect(text).toContain(
      'Summary: [name] is a backend engineer. They led payments work and their team shipped on time.',
    );
    expect(redactions).toMatchObject({ pronoun: 2, honorific: 1 });
  });

  it('does not take a year range for a phone number', () => {
    expect(blindText('Acme, 2015 - 2019 2020').text).toBe('Acme, 2015 - 2019 2020');
  });

  it('masks names it was told about even where no header gives them away', () => {
    const told = blindText('Worked with Priya on the ledger. PRIYA PATEL rewrote the API.', {
      names: ['Priya Patel'],
    });
    expect(told.text).toBe('Worked with [name] on the ledger. [name] rewrote the API.');
  });

  it('keeps a surname that is also a skill where it is not part of the name', () => {
    const told = blindText('Ruby Jones\nBuilt Ruby on Rails services', { names: ['Ruby Jones'] });
    expect(told.text).toBe('[name]\nBuilt Ruby on Rails services');
  });
});

describe('preparing a candidate from a sourced profile', () => {
  const prepared = blindCandidate({
    personId: 'person-7',
    profile: {
      name: 'Lucía Morales',
      title: 'Senior Frontend Engineer',
      company: 'Saborly',
      location: 'Miami, FL',
      summary: 'Lucía builds accessible React apps. She mentored juniors.',
      pastJobs: [{ title: 'Web Developer', company: 'Carnival', start: '2018', end: '2019' }],
      skills: ['React', 'TypeScript'],
      education: [{ school: 'FIU', degree: 'B.S.', field: 'Computer Science', graduationYear: 2017 }],
      links: ['https://linkedin.com/in/luciam'],
      emails: ['lucia@example.com'],
      phones: ['+1 305 555 0100'],
      photoUrl: 'https://cdn.example.com/lucia.jpg',
    },
  });
  if (!prepared.ok) throw new Error(prepared.message);
  const { candidate } = prepared;

  it('gives the scorer the work history without identity, links, photo or graduation year', () => {
    expect(candidate.text).toContain('Senior Frontend Engineer at Saborly');
    expect(candidate.text).toContain('Web Developer, Carnival (2018 – 2019)');
    expect(candidate.text).toContain('Skills: React, TypeScript');
    expect(candidate.text).not.toMatch(/Lucía|Morales|linkedin|example\.com|555|2017|lucia\.jpg/);
    expect(candidate.text).toContain('[name] builds accessible React apps. They mentored juniors.');
    expect(candidate.redactions).toMatchObject({ photo: 1, link: 1 });
  });

  it('keeps the originals aside for export', () => {
    expect(candidate.original.profile?.name).toBe('Lucía Morales');
    expect(candidate.original.profile?.emails).toEqual(['lucia@example.com']);
    expect(candidate.original.text).toContain('Lucía builds accessible React apps');
  });

  it('is plain JSON, so it can travel through Temporal', () => {
    expect(JSON.parse(JSON.stringify(candidate))).toEqual(candidate);
  });

  it('masks surname-first names and names with particles, and keeps a town that is also a first name', () => {
    const surnameFirst = blindText(
      'Nguyen, Thi Minh Anh\nCPhT · Sacramento, CA\nMinh Anh trains new technicians.',
    ).text;
    expect(surnameFirst).not.toMatch(/Nguyen|Minh|Anh/);
    const particles = blindText(
      'María José de la Cruz\nChicago, IL\nMaría José drafted the memos; de la Cruz filed them.',
    ).text;
    expect(particles).not.toMatch(/María|José|Cruz/);
    expect(particles).toContain('drafted the memos');
    const town = blindText(
      'Austin Reed\nAustin, TX\nElectrical Apprentice (2022 – present)\nAustin pulled wire.',
    ).text;
    expect(town).toContain('Austin, TX');
    expect(town).not.toMatch(/Reed|Austin pulled/);
  });

  it('masks names written with initials, letters after them, particles first or a name they go by', () => {
    const blind = (text: string) => blindText(text).text;
    expect(blind('KOWALCZYK, Brianna M., BSN, RN, CMSRN\nBrianna precepts new grads.')).toBe(
      '[name], BSN, RN, CMSRN\n[name] precepts new grads.',
    );
    expect(blind('de los Santos, Marisol — RN (Tele)\nCambridge, OH')).toBe(
      '[name] — RN (Tele)\nCambridge, OH',
    );
    expect(blind('van der Meer, Annelies\nUX Researcher')).toBe('[name]\nUX Researcher');
    expect(blind('Margaret "Maggie" O\'Sullivan\nMaggie ran the CEO\'s calendar.')).toBe(
      "[name]\n[name] ran the CEO's calendar.",
    );
    expect(blind('NOWICKI, Grzegorz ("Greg")\nGreg wrote the bootloader.')).toBe(
      '[name]\n[name] wrote the bootloader.',
    );
    expect(blind('Tran, Bao Ngoc (Ngoc Tran), LPN\nLPN, telemetry step-down')).toBe(
      '[name], LPN\nLPN, telemetry step-down',
    );
    // A last word that could be a particle is a surname; a surname that is a skill is a name in the header.
    expect(blind('Priyanka Das\nData Engineer')).toBe('[name]\nData Engineer');
    expect(blind('Harold Jenkins\nBuilt Jenkins pipelines')).toBe('[name]\nBuilt Jenkins pipelines');
    // A rank is not part of the name ("CPT" is also how coders write procedure codes).
    expect(blind('CPT Jamal Whitfield, U.S. Army\nCPT and ICD-10 coding')).toBe(
      'CPT [name], U.S. Army\nCPT and ICD-10 coding',
    );
    // A first line that is a title stays.
    expect(blind('Python Developer\nDjango')).toBe('Python Developer\nDjango');
    expect(blind('Customer Success\nCustomer Success Manager, Gusto')).toBe(
      'Customer Success\nCustomer Success Manager, Gusto',
    );
  });

  it('masks affinity groups, religious bodies and colleges, and leaves no "Women\'s" token behind', () => {
    const text = blindText(
      "Dana Smith\nEducation\nB.S. Chemistry, Spelman College, 2014\nCommunity\nMember, Women's Pharmacy Network\nVolunteer, Islamic Center of Chicago\nMember, National Society of Black Engineers",
    ).text;
    expect(text).toContain('B.S. Chemistry, [school], [year]');
    expect(text).not.toMatch(/Women|Islamic|Black|Spelman/);
    expect(text.match(/\[affiliation\]/g)).toHaveLength(3);
  });
});
