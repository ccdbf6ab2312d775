export * from './calibration-access';
export * from './calibration-answers';
export * from './calibration.module';
export * from './calibration.service';
export * from './calibration.views';
