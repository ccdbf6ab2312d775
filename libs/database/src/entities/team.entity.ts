import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ unique: true }) name: string;

  @ManyToMany(() => UserEntity)
  @JoinTable({ name: 'team_supervisors', joinColumn: { name: 'team_id' }, inverseJoinColumn: { name: 'user_id' } })
  supervisors?: UserEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
