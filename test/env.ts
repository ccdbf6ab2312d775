import { TEST_ENV } from './test-environment';

Object.assign(process.env, TEST_ENV);
