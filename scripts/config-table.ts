import { configTableMarkdown } from '../config/config-table';

console.log(configTableMarkdown());
