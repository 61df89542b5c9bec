import { spokenLanguages } from './spoken-languages';

// The skill dictionary: what counts as "has Kubernetes" in a resume. Kept as data so a recruiter or an
// engineer can add a synonym without touching the scorer. `aliases` are lower-case phrases matched on word
// boundaries; `patterns` are case-sensitive regular expressions for names that are also ordinary English
// words ("Go", "R", "React"); `related` lists skills that earn partial credit.

export type SkillEntry = {
  id: string;
  label: string;
  aliases: string[];
  patterns?: string[];
  related?: string[];
  /** Skills whose use proves this one: a PyTorch model is Python code. */
  impliedBy?: string[];
};

export const skillAliases: SkillEntry[] = [
  // Languages
  {
    id: 'go',
    label: 'Go',
    aliases: ['golang'],
    // "Go" the language, not "go-to-market" or "go live".
    patterns: ['\\bGo\\b(?![- ](?:to|live|lives|through|after|beyond)\\b)(?!-)'],
    related: ['rust'],
  },
  {
    id: 'python',
    label: 'Python',
    aliases: ['python', 'python3', 'cpython', 'django', 'flask', 'fastapi', 'pyspark'],
    related: [],
    impliedBy: ['pytorch', 'tensorflow', 'pandas', 'scikit-learn'],
  },
  {
    id: 'java',
    label: 'Java',
    aliases: ['java', 'jvm', 'spring boot', 'spring framework'],
    related: ['kotlin', 'scala'],
  },
  { id: 'kotlin', label: 'Kotlin', aliases: ['kotlin'], related: ['java'] },
  { id: 'scala', label: 'Scala', aliases: ['scala'], related: ['java', 'spark'] },
  {
    id: 'javascript',
    label: 'JavaScript',
    aliases: ['javascript', 'ecmascript', 'es6', 'es2015'],
    patterns: ['\\bJS\\b'],
    related: ['typescript'],
    impliedBy: ['typescript', 'react', 'nodejs', 'vue', 'angular'],
  },
  {
    id: 'typescript',
    label: 'TypeScript',
    aliases: ['typescript'],
    patterns: ['\\bTS\\b'],
    related: ['javascript'],
  },
  { id: 'ruby', label: 'Ruby', aliases: ['ruby', 'ruby on rails', 'rails', 'ror'], related: [] },
  { id: 'php', label: 'PHP', aliases: ['php', 'laravel', 'symfony'], related: [] },
  { id: 'csharp', label: 'C#', aliases: ['c#', 'csharp', '.net', 'dotnet', 'asp.net'], related: ['java'] },
  {
    id: 'c',
    label: 'C',
    aliases: ['ansi c', 'embedded c', 'c99', 'c11', 'c programming', 'c language'],
    // "C" the language where it stands as one: "in C", "C/C++", "C, Python", "Embedded C on STM32". Not a
    // grade, a class, a vitamin or an initial ("Class C", "Vitamin C", "John C. Smith"), "C-suite", C++ or C#.
    patterns: [
      '(?<!(?:[Cc]lass|[Gg]rade|[Vv]itamin|[Hh]epatitis|[Tt]ype|[Ll]evel|[Ss]ection|[Pp]art|[Pp]lan|[Ff]orm|[Tt]ier|[Cc]ategory|[Ss]chedule|[Bb]lock|[Rr]oom|[Bb]uilding)\\s)(?<![\\w.&#+-])C(?![\\w+#.-])(?=\\s*(?:/|,|;|\\)|$|and\\b|or\\b|for\\b|on\\b|in\\b|with\\b|code\\b|firmware\\b|programming\\b|development\\b))',
    ],
    related: ['cpp', 'rust'],
  },
  { id: 'cpp', label: 'C++', aliases: ['c++', 'cpp'], related: ['rust', 'c'] },
  { id: 'rust', label: 'Rust', aliases: ['rust', 'rustlang'], related: ['cpp', 'go'] },
  {
    id: 'sql',
    label: 'SQL',
    aliases: ['sql', 't-sql', 'pl/sql', 'plpgsql', 'ansi sql', 'hiveql', 'spark sql'],
    related: ['postgresql', 'mysql', 'hadoop'],
    impliedBy: ['postgresql', 'mysql', 'snowflake', 'bigquery', 'redshift', 'dbt'],
  },
  {
    id: 'r',
    label: 'R',
    aliases: ['rstudio', 'tidyverse', 'ggplot2', 'dplyr'],
    // Not R&D, nor a refrigerant ("R-410A", "R-22").
    patterns: ['\\bR\\b(?!&D)(?!-\\d)'],
    related: ['python'],
  },
  {
    id: 'bash',
    label: 'Shell scripting',
    aliases: ['bash', 'shell scripting', 'shell scripts', 'zsh'],
    related: ['linux'],
  },

  // Backend and data stores
  {
    id: 'postgresql',
    label: 'PostgreSQL',
    aliases: ['postgresql', 'postgres', 'psql', 'postgis', 'aurora postgres', 'rds postgres'],
    related: ['mysql', 'sql'],
  },
  {
    id: 'mysql',
    label: 'MySQL',
    aliases: ['mysql', 'mariadb', 'aurora mysql'],
    related: ['postgresql', 'sql'],
  },
  { id: 'mongodb', label: 'MongoDB', aliases: ['mongodb', 'mongo'], related: [] },
  { id: 'redis', label: 'Redis', aliases: ['redis', 'memcached', 'valkey'], related: [] },
  {
    id: 'kafka',
    label: 'Kafka',
    aliases: ['kafka', 'apache kafka', 'kafka streams', 'confluent'],
    related: ['rabbitmq', 'kinesis'],
  },
  { id: 'rabbitmq', label: 'RabbitMQ', aliases: ['rabbitmq', 'amqp', 'nats', 'sqs'], related: ['kafka'] },
  { id: 'kinesis', label: 'Kinesis', aliases: ['kinesis', 'pub/sub', 'pubsub'], related: ['kafka'] },
  { id: 'grpc', label: 'gRPC', aliases: ['grpc', 'protobuf', 'protocol buffers'], related: ['rest-api'] },
  {
    id: 'rest-api',
    label: 'REST APIs',
    aliases: [
      'rest api',
      'rest apis',
      'restful',
      'rest services',
      'json api',
      'openapi',
      'http apis',
      'api design',
    ],
    related: ['grpc', 'graphql'],
  },
  { id: 'graphql', label: 'GraphQL', aliases: ['graphql', 'apollo'], related: ['rest-api'] },
  {
    id: 'microservices',
    label: 'Microservices',
    aliases: ['microservices', 'micro-services', 'microservice', 'service-oriented architecture', 'soa'],
    // Services talking over gRPC or a broker, run on Kubernetes, are microservices in all but name.
    related: ['distributed-systems', 'grpc', 'kafka', 'kubernetes'],
  },
  {
    id: 'distributed-systems',
    label: 'Distributed systems',
    aliases: [
      'distributed systems',
      'distributed system',
      'raft consensus',
      'high-throughput',
      'high availability',
      'leader election',
      'paxos',
      'eventual consistency',
      'consensus algorithms',
    ],
    related: ['microservices', 'kafka', 'grpc'],
  },

  // Infrastructure and operations
  {
    id: 'kubernetes',
    label: 'Kubernetes',
    // The pieces only Kubernetes has: an engineer who writes operators names CRDs and controller-runtime.
    aliases: [
      'kubernetes',
      'k8s',
      'eks',
      'gke',
      'aks',
      'k3s',
      'openshift',
      'kubectl',
      'kubebuilder',
      'controller-runtime',
      'client-go',
      'custom resource definitions',
      'crd',
      'crds',
    ],
    related: ['docker', 'helm'],
  },
  {
    id: 'docker',
    label: 'Docker',
    aliases: ['docker', 'containerized', 'containerised', 'containerd', 'podman'],
    related: ['kubernetes'],
  },
  {
    id: 'helm',
    label: 'Helm',
    aliases: ['helm', 'helm charts', 'kustomize', 'argo cd', 'argocd'],
    related: ['kubernetes'],
  },
  {
    id: 'terraform',
    label: 'Terraform',
    aliases: ['terraform', 'opentofu', 'infrastructure as code', 'iac', 'pulumi', 'cloudformation'],
    related: ['ansible'],
  },
  {
    id: 'ansible',
    label: 'Ansible',
    aliases: ['ansible', 'chef', 'puppet', 'saltstack'],
    related: ['terraform'],
  },
  {
    id: 'aws',
    label: 'AWS',
    aliases: ['amazon web services', 'ec2', 's3', 'lambda', 'cloudwatch', 'iam'],
    // Not the American Welding Society's codes and certifications ("AWS D1.1", "AWS Certified Welder").
    patterns: ['\\bAWS\\b(?!\\s+(?:D\\d|Certified Welder|CWI|Certified Welding)|-CWI)'],
    related: ['gcp', 'azure'],
  },
  {
    id: 'gcp',
    label: 'Google Cloud',
    aliases: ['gcp', 'google cloud', 'google cloud platform'],
    related: ['aws', 'azure'],
  },
  { id: 'azure', label: 'Azure', aliases: ['azure', 'microsoft azure'], related: ['aws', 'gcp'] },
  {
    id: 'linux',
    label: 'Linux',
    aliases: ['linux', 'unix', 'ubuntu', 'debian', 'rhel', 'centos', 'systemd'],
    related: ['bash'],
  },
  {
    id: 'observability',
    label: 'Observability',
    aliases: [
      'observability',
      'prometheus',
      'grafana',
      'datadog',
      'opentelemetry',
      'new relic',
      'alerting',
      'slos',
      'slo',
      'distributed tracing',
    ],
    related: ['incident-response'],
  },
  {
    id: 'incident-response',
    label: 'Incident response / on-call',
    aliases: [
      'on-call',
      'on call',
      'oncall',
      'incident response',
      'incident management',
      'pagerduty',
      'postmortems',
      'postmortem',
    ],
    related: ['observability'],
  },
  {
    id: 'ci-cd',
    label: 'CI/CD',
    aliases: [
      'ci/cd',
      'continuous integration',
      'continuous delivery',
      'continuous deployment',
      'github actions',
      'gitlab ci',
      'jenkins',
      'circleci',
      'buildkite',
      'deployment pipelines',
    ],
    related: [],
  },

  // Frontend
  {
    id: 'react',
    label: 'React',
    aliases: ['react.js', 'reactjs', 'react native', 'react hooks', 'next.js', 'nextjs', 'remix'],
    patterns: ['\\bReact\\b'],
    related: ['vue', 'angular'],
  },
  {
    id: 'redux',
    label: 'Redux',
    aliases: ['redux', 'zustand', 'mobx', 'react query', 'tanstack query'],
    related: ['react'],
  },
  { id: 'vue', label: 'Vue', aliases: ['vue', 'vue.js', 'vuejs', 'nuxt'], related: ['react', 'angular'] },
  { id: 'angular', label: 'Angular', aliases: ['angular', 'angularjs'], related: ['react', 'vue'] },
  {
    id: 'html-css',
    label: 'HTML/CSS',
    aliases: ['html', 'css', 'html5', 'css3', 'sass', 'scss', 'tailwind', 'css-in-js'],
    related: [],
  },
  {
    id: 'accessibility',
    label: 'Accessibility',
    aliases: ['accessibility', 'a11y', 'wcag', 'aria', 'screen reader', 'screen readers'],
    related: [],
  },
  {
    id: 'web-performance',
    label: 'Web performance',
    aliases: ['web performance', 'core web vitals', 'lighthouse', 'bundle size', 'page load', 'web vitals'],
    related: [],
  },
  {
    id: 'frontend-testing',
    label: 'Frontend testing',
    aliases: [
      'jest',
      'vitest',
      'cypress',
      'playwright',
      'testing library',
      'react testing library',
      'storybook tests',
    ],
    related: [],
  },
  {
    id: 'design-systems',
    label: 'Design systems',
    aliases: ['design system', 'design systems', 'component library', 'storybook', 'ui kit'],
    related: ['react'],
  },
  {
    id: 'webpack',
    label: 'Build tooling',
    aliases: ['webpack', 'vite', 'rollup', 'esbuild', 'babel'],
    related: [],
  },
  {
    id: 'nodejs',
    label: 'Node.js',
    aliases: ['node.js', 'nodejs', 'express.js', 'nestjs'],
    related: ['javascript'],
  },

  // Data science and machine learning
  {
    id: 'machine-learning',
    label: 'Machine learning',
    aliases: [
      'machine learning',
      'ml models',
      'ml model',
      'predictive modeling',
      'predictive models',
      'supervised learning',
    ],
    patterns: ['\\bML\\b'],
    related: ['deep-learning', 'statistics'],
    impliedBy: ['deep-learning', 'scikit-learn', 'pytorch', 'tensorflow', 'nlp'],
  },
  {
    id: 'deep-learning',
    label: 'Deep learning',
    aliases: ['deep learning', 'neural networks', 'neural network', 'transformers', 'cnn', 'lstm'],
    related: ['machine-learning', 'pytorch'],
    impliedBy: ['pytorch', 'tensorflow'],
  },
  {
    id: 'statistics',
    label: 'Statistics',
    aliases: [
      'statistics',
      'statistical modeling',
      'statistical analysis',
      'bayesian',
      'regression analysis',
      'hypothesis testing',
      'econometrics',
    ],
    related: ['ab-testing'],
  },
  {
    id: 'ab-testing',
    label: 'A/B testing',
    aliases: [
      'a/b testing',
      'a/b tests',
      'ab testing',
      'experimentation',
      'split testing',
      'controlled experiments',
      'a/b test',
    ],
    related: ['statistics', 'causal-inference'],
  },
  {
    id: 'causal-inference',
    label: 'Causal inference',
    aliases: [
      'causal inference',
      'uplift modeling',
      'difference-in-differences',
      'propensity score',
      'synthetic control',
    ],
    related: ['ab-testing', 'statistics'],
  },
  {
    id: 'scikit-learn',
    label: 'scikit-learn',
    aliases: ['scikit-learn', 'sklearn', 'xgboost', 'lightgbm', 'gradient boosting', 'random forest'],
    related: ['machine-learning'],
  },
  {
    id: 'pandas',
    label: 'pandas',
    aliases: ['pandas', 'numpy', 'scipy', 'polars', 'jupyter'],
    related: ['python'],
  },
  {
    id: 'pytorch',
    label: 'PyTorch',
    aliases: ['pytorch', 'torch'],
    related: ['tensorflow', 'deep-learning'],
  },
  {
    id: 'tensorflow',
    label: 'TensorFlow',
    aliases: ['tensorflow', 'keras'],
    related: ['pytorch', 'deep-learning'],
  },
  {
    id: 'nlp',
    label: 'NLP',
    aliases: ['nlp', 'natural language processing', 'text classification', 'llms', 'llm'],
    related: ['deep-learning'],
  },
  {
    id: 'forecasting',
    label: 'Forecasting',
    aliases: ['forecasting', 'time series', 'time-series', 'demand planning'],
    related: ['statistics'],
  },
  {
    id: 'mlops',
    label: 'MLOps',
    aliases: ['mlops', 'mlflow', 'kubeflow', 'sagemaker', 'model serving', 'feature store'],
    related: ['machine-learning'],
  },

  // Data engineering
  {
    id: 'spark',
    label: 'Spark',
    aliases: ['spark', 'apache spark', 'pyspark', 'spark sql'],
    related: ['databricks', 'hadoop'],
  },
  { id: 'databricks', label: 'Databricks', aliases: ['databricks', 'delta lake'], related: ['spark'] },
  {
    id: 'hadoop',
    label: 'Hadoop',
    aliases: ['hadoop', 'hive', 'hdfs', 'mapreduce', 'presto', 'trino'],
    related: ['spark'],
  },
  {
    id: 'flink',
    label: 'Flink',
    aliases: ['flink', 'apache flink', 'apache beam', 'dataflow'],
    // Beam the framework is written with a capital; "weld beams and columns" is steel.
    patterns: ['\\bBeam\\b'],
    related: ['kafka', 'spark'],
  },
  {
    id: 'airflow',
    label: 'Airflow',
    aliases: ['airflow', 'apache airflow', 'mwaa', 'cloud composer'],
    related: ['orchestration'],
  },
  {
    id: 'orchestration',
    label: 'Workflow orchestration',
    aliases: ['dagster', 'prefect', 'luigi', 'oozie'],
    related: ['airflow'],
  },
  { id: 'dbt', label: 'dbt', aliases: ['dbt', 'data build tool'], related: ['data-warehouse'] },
  {
    id: 'snowflake',
    label: 'Snowflake',
    aliases: ['snowflake'],
    related: ['data-warehouse', 'bigquery', 'redshift'],
  },
  { id: 'bigquery', label: 'BigQuery', aliases: ['bigquery'], related: ['data-warehouse', 'snowflake'] },
  { id: 'redshift', label: 'Redshift', aliases: ['redshift'], related: ['data-warehouse', 'snowflake'] },
  {
    id: 'data-warehouse',
    label: 'Data warehousing',
    aliases: [
      'data warehouse',
      'data warehousing',
      'dimensional modeling',
      'kimball',
      'star schema',
      'data modeling',
      'lakehouse',
    ],
    related: ['etl'],
  },
  {
    id: 'etl',
    label: 'ETL / data pipelines',
    aliases: [
      'etl',
      'elt',
      'data pipelines',
      'data pipeline',
      'batch pipelines',
      'streaming pipelines',
      'data ingestion',
    ],
    related: ['data-warehouse'],
  },
  {
    id: 'tableau',
    label: 'BI tools',
    aliases: ['tableau', 'looker', 'power bi', 'metabase', 'mode analytics'],
    related: [],
  },

  // Sales
  {
    id: 'b2b-saas-sales',
    label: 'B2B SaaS sales',
    aliases: [
      'b2b saas sales',
      'saas sales',
      'software sales',
      'b2b sales',
      'selling saas',
      'sold saas',
      'saas solutions',
    ],
    related: ['enterprise-sales'],
  },
  {
    // The industry, as a designer or engineer post asks for it ("B2B SaaS or healthcare products").
    id: 'b2b-saas',
    label: 'B2B SaaS',
    aliases: ['b2b saas', 'b2b software', 'enterprise software', 'saas products', 'saas platform'],
    related: ['b2b-saas-sales'],
  },
  {
    id: 'enterprise-sales',
    label: 'Enterprise sales',
    aliases: [
      'enterprise sales',
      'enterprise accounts',
      'fortune 500',
      'fortune 1000',
      'strategic accounts',
      'enterprise deals',
      'enterprise customers',
    ],
    related: ['b2b-saas-sales', 'account-management'],
  },
  {
    id: 'quota-attainment',
    label: 'Quota attainment',
    aliases: [
      'quota',
      'quota attainment',
      'of quota',
      'quota-carrying',
      "president's club",
      'presidents club',
      'exceeded target',
      'exceeded quota',
    ],
    related: [],
  },
  {
    id: 'salesforce',
    label: 'Salesforce',
    aliases: ['salesforce', 'sfdc', 'salesforce crm'],
    related: ['crm'],
  },
  {
    id: 'crm',
    label: 'CRM',
    aliases: ['crm', 'hubspot', 'outreach.io', 'salesloft', 'gong'],
    related: ['salesforce'],
  },
  {
    id: 'meddic',
    label: 'MEDDIC',
    aliases: [
      'meddic',
      'meddpicc',
      'challenger sale',
      'command of the message',
      'value selling',
      'spin selling',
    ],
    related: [],
  },
  {
    id: 'pipeline-generation',
    label: 'Pipeline generation',
    aliases: [
      'pipeline generation',
      'prospecting',
      'cold calling',
      'lead generation',
      'self-sourced pipeline',
      'self-generated pipeline',
    ],
    // "Outbound" prospects in sales, but a warehouse's outbound dock ships freight: "Area Manager, Outbound Ship
    // Dock" asked a night-shift manager for pipeline generation.
    patterns: [
      '\\b[Oo]utbound\\b(?![ -](?:[Ss]hip|[Dd]ock|[Ff]reight|[Ll]oad|[Tt]railer|[Oo]perations|[Dd]epartment|[Aa]rea|[Ll]ane|[Ll]ogistics|[Tt]ransport|[Ss]upervisor|[Mm]anager|[Ll]ead|[Ss]ort|[Pp]roblem|[Cc]arrier|[Ww]ave|[Pp]ick|[Pp]ack|[Ss]taging))',
    ],
    related: [],
  },
  {
    id: 'full-cycle-sales',
    label: 'Full-cycle sales',
    aliases: [
      'full-cycle',
      'full cycle',
      'closing',
      'closed-won',
      'negotiation',
      'negotiated',
      'contract negotiation',
    ],
    related: ['enterprise-sales'],
  },
  {
    id: 'account-management',
    label: 'Account management',
    aliases: [
      'account management',
      'upsell',
      'expansion revenue',
      'renewals',
      'net revenue retention',
      'customer success',
    ],
    related: ['enterprise-sales'],
  },

  // Working with people
  {
    id: 'mentoring',
    label: 'Mentoring',
    aliases: ['mentoring', 'mentored', 'mentor', 'mentorship', 'coached', 'coaching'],
    related: ['people-management'],
  },
  {
    id: 'people-management',
    label: 'People management',
    aliases: [
      'direct reports',
      'managed a team',
      'people management',
      'hiring manager',
      'performance reviews',
      'led a team',
    ],
    related: ['mentoring'],
  },
  ...spokenLanguages,
];
