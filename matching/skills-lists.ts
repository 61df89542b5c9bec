// A skills list is a claim, not evidence: "Skills: B2B SaaS, quota attainment, MEDDICC" costs nothing to
// write, and a store associate who writes it is not an account executive. One place decides what such a
// line is, for each signal that reads resumes: the requirement check counts a skill found only there as
// "partly", and the model and keyword search do not read it at all, so the words of a list cannot outweigh
// a career described in sentences.

/** A line that lists skills, tools or systems under a label ("Skills:", "Tech stack —", "Core competencies"). */
export const skillsListLine =
  /^\s*(?:technical |core |key )?(?:skills|technologies|tools|stack|tech stack|languages|keywords|competencies|areas of expertise|expertise|systems|software)\b\s*(?:[:|–—-]|$)/i;

/** The resume without its skills-list lines (other lines, and line breaks, kept as written). */
export function withoutSkillsLists(text: string): string {
  return text
    .split('\n')
    .filter((line) => !skillsListLine.test(line))
    .join('\n');
}
