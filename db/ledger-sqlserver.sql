IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [AuditRecords] (
        [Id] uniqueidentifier NOT NULL,
        [At] datetime2 NOT NULL,
        [Actor] nvarchar(100) NOT NULL,
        [Action] nvarchar(100) NOT NULL,
        [EntityType] nvarchar(100) NOT NULL,
        [EntityId] uniqueidentifier NOT NULL,
        [Changes] nvarchar(max) NOT NULL,
        [Reason] nvarchar(4000) NULL,
        CONSTRAINT [PK_AuditRecords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Departments] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [IsActive] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Departments] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Rounds] (
        [Id] uniqueidentifier NOT NULL,
        [InspectingTeam] nvarchar(200) NOT NULL,
        [InspectedUnit] nvarchar(200) NOT NULL,
        [InspectionStart] date NULL,
        [InspectionEnd] date NULL,
        [FeedbackDate] date NULL,
        [RectificationPeriodEnd] date NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Rounds] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [People] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Position] nvarchar(100) NULL,
        [DepartmentId] uniqueidentifier NULL,
        [IsLeader] bit NOT NULL,
        [IsActive] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_People] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_People_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Aspects] (
        [Id] uniqueidentifier NOT NULL,
        [RoundId] uniqueidentifier NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Order] int NOT NULL,
        CONSTRAINT [PK_Aspects] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Aspects_Rounds_RoundId] FOREIGN KEY ([RoundId]) REFERENCES [Rounds] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Items] (
        [Id] uniqueidentifier NOT NULL,
        [RoundId] uniqueidentifier NOT NULL,
        [AspectId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [Status] int NOT NULL,
        [ResponsibleLeaderId] uniqueidentifier NULL,
        [LeadDepartmentId] uniqueidentifier NULL,
        [ResponsiblePersonId] uniqueidentifier NULL,
        [DueDate] date NULL,
        [IsLongTerm] bit NOT NULL,
        [CloseOutSummary] nvarchar(4000) NULL,
        [CloseOutReviewedAt] datetime2 NULL,
        [CloseOutReviewedBy] nvarchar(100) NULL,
        [RowVersion] rowversion NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Items] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Items_Aspects_AspectId] FOREIGN KEY ([AspectId]) REFERENCES [Aspects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Items_Departments_LeadDepartmentId] FOREIGN KEY ([LeadDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Items_People_ResponsibleLeaderId] FOREIGN KEY ([ResponsibleLeaderId]) REFERENCES [People] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Items_People_ResponsiblePersonId] FOREIGN KEY ([ResponsiblePersonId]) REFERENCES [People] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Items_Rounds_RoundId] FOREIGN KEY ([RoundId]) REFERENCES [Rounds] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Evidence] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [MeasureId] uniqueidentifier NULL,
        [FileName] nvarchar(255) NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Note] nvarchar(1000) NULL,
        [EffectiveDate] date NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Evidence] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Evidence_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [ItemCoDepartments] (
        [ItemId] uniqueidentifier NOT NULL,
        [DepartmentId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ItemCoDepartments] PRIMARY KEY ([ItemId], [DepartmentId]),
        CONSTRAINT [FK_ItemCoDepartments_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ItemCoDepartments_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [ItemHistory] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [At] datetime2 NOT NULL,
        [Actor] nvarchar(100) NOT NULL,
        [Change] int NOT NULL,
        [Summary] nvarchar(500) NOT NULL,
        [From] nvarchar(4000) NULL,
        [To] nvarchar(4000) NULL,
        [Reason] nvarchar(4000) NULL,
        CONSTRAINT [PK_ItemHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ItemHistory_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [Measures] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [LeadDepartmentId] uniqueidentifier NULL,
        [DueDate] date NULL,
        [CompletedOn] date NULL,
        [CompletedBy] nvarchar(100) NULL,
        CONSTRAINT [PK_Measures] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Measures_Departments_LeadDepartmentId] FOREIGN KEY ([LeadDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Measures_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE TABLE [ProgressReports] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [ReportDate] date NOT NULL,
        [Progress] nvarchar(4000) NOT NULL,
        [NextSteps] nvarchar(4000) NULL,
        [Problems] nvarchar(4000) NULL,
        [ReportedBy] nvarchar(100) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ProgressReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProgressReports_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Aspects_RoundId_Order] ON [Aspects] ([RoundId], [Order]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditRecords_At] ON [AuditRecords] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditRecords_EntityId_At] ON [AuditRecords] ([EntityId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Departments_Name] ON [Departments] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Evidence_ItemId] ON [Evidence] ([ItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_ItemCoDepartments_DepartmentId] ON [ItemCoDepartments] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_ItemHistory_ItemId_At] ON [ItemHistory] ([ItemId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_AspectId] ON [Items] ([AspectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_DueDate] ON [Items] ([DueDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_LeadDepartmentId_Status] ON [Items] ([LeadDepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_ResponsibleLeaderId] ON [Items] ([ResponsibleLeaderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_ResponsiblePersonId] ON [Items] ([ResponsiblePersonId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Items_RoundId_Kind_Number] ON [Items] ([RoundId], [Kind], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_Status_IsLongTerm_DueDate_Id] ON [Items] ([Status], [IsLongTerm], [DueDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Items_UpdatedAt_Id] ON [Items] ([UpdatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Measures_ItemId_Sequence] ON [Measures] ([ItemId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_Measures_LeadDepartmentId] ON [Measures] ([LeadDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_People_DepartmentId] ON [People] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_People_Name] ON [People] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    CREATE INDEX [IX_ProgressReports_ItemId_ReportDate] ON [ProgressReports] ([ItemId], [ReportDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123121755_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123121755_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123131332_SourceDocuments'
)
BEGIN
    CREATE TABLE [SourceDocuments] (
        [Id] uniqueidentifier NOT NULL,
        [RoundId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [ImportedAt] datetime2 NOT NULL,
        [ImportedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_SourceDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SourceDocuments_Rounds_RoundId] FOREIGN KEY ([RoundId]) REFERENCES [Rounds] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123131332_SourceDocuments'
)
BEGIN
    CREATE INDEX [IX_SourceDocuments_RoundId] ON [SourceDocuments] ([RoundId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123131332_SourceDocuments'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SourceDocuments_Sha256] ON [SourceDocuments] ([Sha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123131332_SourceDocuments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123131332_SourceDocuments', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(200) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [DepartmentId] uniqueidentifier NULL,
        [PersonId] uniqueidentifier NULL,
        [IsActive] bit NOT NULL,
        [MustChangePassword] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(200) NULL,
        [SecurityStamp] nvarchar(200) NULL,
        [ConcurrencyStamp] nvarchar(200) NULL,
        [PhoneNumber] nvarchar(200) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(200) NULL,
        [ClaimValue] nvarchar(200) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(200) NULL,
        [ClaimValue] nvarchar(200) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(200) NOT NULL,
        [ProviderKey] nvarchar(200) NOT NULL,
        [ProviderDisplayName] nvarchar(200) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(200) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Value] nvarchar(200) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123142751_Identity'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123142751_Identity', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Measures] ADD [EvidenceRequired] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Items] ADD [AcknowledgedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Items] ADD [AcknowledgedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Items] ADD [ClosedLate] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Items] ADD [ClosedOutAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Items] ADD [ExtensionsApproved] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [ContentType] nvarchar(100) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [StorageKey] nvarchar(100) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [SubmittedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [WithdrawalReason] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [WithdrawnAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    ALTER TABLE [Evidence] ADD [WithdrawnBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    CREATE TABLE [DeadlineExtensions] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [PreviousDate] date NOT NULL,
        [RequestedDate] date NOT NULL,
        [Reason] nvarchar(4000) NOT NULL,
        [RequestedBy] nvarchar(100) NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [Decision] int NOT NULL,
        [DecidedBy] nvarchar(100) NULL,
        [DecidedAt] datetime2 NULL,
        [DecisionReason] nvarchar(4000) NULL,
        CONSTRAINT [PK_DeadlineExtensions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DeadlineExtensions_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    CREATE TABLE [WorkflowSettings] (
        [Id] uniqueidentifier NOT NULL,
        [AllLeadersApprove] bit NOT NULL,
        [MaxExtensions] int NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_WorkflowSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    CREATE INDEX [IX_Evidence_StorageKey] ON [Evidence] ([StorageKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    CREATE INDEX [IX_AuditRecords_Actor_At] ON [AuditRecords] ([Actor], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    CREATE INDEX [IX_DeadlineExtensions_ItemId_RequestedAt] ON [DeadlineExtensions] ([ItemId], [RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151550_Workflow'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123151550_Workflow', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [EmailReminders] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE TABLE [CalendarEntries] (
        [Id] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Kind] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_CalendarEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE TABLE [EmailDigests] (
        [Id] uniqueidentifier NOT NULL,
        [RecipientUserId] uniqueidentifier NOT NULL,
        [Day] date NOT NULL,
        [Address] nvarchar(256) NOT NULL,
        [State] int NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [ClaimedUntil] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        [SentAt] datetime2 NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_EmailDigests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EmailDigests_AspNetUsers_RecipientUserId] FOREIGN KEY ([RecipientUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE TABLE [ReminderSettings] (
        [Id] uniqueidentifier NOT NULL,
        [DueSoonOffsets] nvarchar(100) NOT NULL,
        [EscalateAfterOverdueDays] int NOT NULL,
        [PrincipalAfterOverdueDays] int NULL,
        [PrincipalLeaderPersonId] uniqueidentifier NULL,
        [LongTermReviewMonths] int NOT NULL,
        [LeaderDigestDay] int NOT NULL,
        [ProgressReminderDay] int NOT NULL,
        [ProgressStaleDays] int NOT NULL,
        [RemindOnNonWorkingDays] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ReminderSettings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReminderSettings_People_PrincipalLeaderPersonId] FOREIGN KEY ([PrincipalLeaderPersonId]) REFERENCES [People] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [RecipientUserId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [Day] date NOT NULL,
        [Title] nvarchar(500) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [ItemId] uniqueidentifier NULL,
        [CreatedAt] datetime2 NOT NULL,
        [DeliveredAt] datetime2 NULL,
        [ReadAt] datetime2 NULL,
        [CancelledAt] datetime2 NULL,
        [CancelReason] nvarchar(500) NULL,
        [EmailDigestId] uniqueidentifier NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_AspNetUsers_RecipientUserId] FOREIGN KEY ([RecipientUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Notifications_EmailDigests_EmailDigestId] FOREIGN KEY ([EmailDigestId]) REFERENCES [EmailDigests] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE TABLE [Reminders] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [SeriesDate] date NOT NULL,
        [Stage] int NOT NULL,
        [RecipientUserId] uniqueidentifier NOT NULL,
        [Day] date NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NotificationId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Reminders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reminders_AspNetUsers_RecipientUserId] FOREIGN KEY ([RecipientUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reminders_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Reminders_Notifications_NotificationId] FOREIGN KEY ([NotificationId]) REFERENCES [Notifications] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarEntries_Date] ON [CalendarEntries] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EmailDigests_RecipientUserId_Day] ON [EmailDigests] ([RecipientUserId], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_EmailDigests_State_NextAttemptAt] ON [EmailDigests] ([State], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_Notifications_DeliveredAt_CancelledAt] ON [Notifications] ([DeliveredAt], [CancelledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_Notifications_EmailDigestId] ON [Notifications] ([EmailDigestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_Notifications_RecipientUserId_DeliveredAt_ReadAt] ON [Notifications] ([RecipientUserId], [DeliveredAt], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reminders_ItemId_Kind_SeriesDate_Stage_RecipientUserId] ON [Reminders] ([ItemId], [Kind], [SeriesDate], [Stage], [RecipientUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_Reminders_NotificationId] ON [Reminders] ([NotificationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_Reminders_RecipientUserId] ON [Reminders] ([RecipientUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    CREATE INDEX [IX_ReminderSettings_PrincipalLeaderPersonId] ON [ReminderSettings] ([PrincipalLeaderPersonId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123155815_Reminders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123155815_Reminders', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE TABLE [PublishedReports] (
        [Id] uniqueidentifier NOT NULL,
        [RoundId] uniqueidentifier NOT NULL,
        [Edition] int NOT NULL,
        [AsOf] date NOT NULL,
        [ReportDate] date NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Text] nvarchar(200) NOT NULL,
        [Figures] nvarchar(200) NOT NULL,
        [Items] nvarchar(200) NOT NULL,
        [Issues] nvarchar(200) NOT NULL,
        [Docx] varbinary(max) NOT NULL,
        [DocxSha256] nchar(64) NOT NULL,
        [PublishedAt] datetime2 NOT NULL,
        [PublishedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_PublishedReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PublishedReports_Rounds_RoundId] FOREIGN KEY ([RoundId]) REFERENCES [Rounds] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE TABLE [Reports] (
        [Id] uniqueidentifier NOT NULL,
        [RoundId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NULL,
        [Opening] nvarchar(4000) NULL,
        [OrganisationHeading] nvarchar(200) NULL,
        [Organisation] nvarchar(200) NULL,
        [ProblemsHeading] nvarchar(200) NULL,
        [NextStepsHeading] nvarchar(200) NULL,
        [NextSteps] nvarchar(200) NULL,
        [Closing] nvarchar(4000) NULL,
        [Signature] nvarchar(200) NULL,
        [Editions] int NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Reports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reports_Rounds_RoundId] FOREIGN KEY ([RoundId]) REFERENCES [Rounds] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE TABLE [ReportItemTexts] (
        [ReportId] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [Text] nvarchar(200) NOT NULL,
        [WrittenBy] nvarchar(100) NOT NULL,
        [WrittenAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportItemTexts] PRIMARY KEY ([ReportId], [ItemId]),
        CONSTRAINT [FK_ReportItemTexts_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ReportItemTexts_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PublishedReports_RoundId_Edition] ON [PublishedReports] ([RoundId], [Edition]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE INDEX [IX_ReportItemTexts_ItemId] ON [ReportItemTexts] ([ItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_RoundId] ON [Reports] ([RoundId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123181528_Reports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123181528_Reports', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Reports]') AND [c].[name] = N'Organisation');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Reports] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Reports] ALTER COLUMN [Organisation] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Reports]') AND [c].[name] = N'NextSteps');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [Reports] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [Reports] ALTER COLUMN [NextSteps] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ReportItemTexts]') AND [c].[name] = N'Text');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [ReportItemTexts] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [ReportItemTexts] ALTER COLUMN [Text] nvarchar(max) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var3 nvarchar(max);
    SELECT @var3 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PublishedReports]') AND [c].[name] = N'Text');
    IF @var3 IS NOT NULL EXEC(N'ALTER TABLE [PublishedReports] DROP CONSTRAINT ' + @var3 + ';');
    ALTER TABLE [PublishedReports] ALTER COLUMN [Text] nvarchar(max) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var4 nvarchar(max);
    SELECT @var4 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PublishedReports]') AND [c].[name] = N'Items');
    IF @var4 IS NOT NULL EXEC(N'ALTER TABLE [PublishedReports] DROP CONSTRAINT ' + @var4 + ';');
    ALTER TABLE [PublishedReports] ALTER COLUMN [Items] nvarchar(max) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var5 nvarchar(max);
    SELECT @var5 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PublishedReports]') AND [c].[name] = N'Issues');
    IF @var5 IS NOT NULL EXEC(N'ALTER TABLE [PublishedReports] DROP CONSTRAINT ' + @var5 + ';');
    ALTER TABLE [PublishedReports] ALTER COLUMN [Issues] nvarchar(max) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var6 nvarchar(max);
    SELECT @var6 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[PublishedReports]') AND [c].[name] = N'Figures');
    IF @var6 IS NOT NULL EXEC(N'ALTER TABLE [PublishedReports] DROP CONSTRAINT ' + @var6 + ';');
    ALTER TABLE [PublishedReports] ALTER COLUMN [Figures] nvarchar(max) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var7 nvarchar(max);
    SELECT @var7 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ItemHistory]') AND [c].[name] = N'To');
    IF @var7 IS NOT NULL EXEC(N'ALTER TABLE [ItemHistory] DROP CONSTRAINT ' + @var7 + ';');
    ALTER TABLE [ItemHistory] ALTER COLUMN [To] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    DECLARE @var8 nvarchar(max);
    SELECT @var8 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ItemHistory]') AND [c].[name] = N'From');
    IF @var8 IS NOT NULL EXEC(N'ALTER TABLE [ItemHistory] DROP CONSTRAINT ' + @var8 + ';');
    ALTER TABLE [ItemHistory] ALTER COLUMN [From] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(200) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206093300_ServerProviders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206093300_ServerProviders', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206095638_ItemSearchText'
)
BEGIN
    ALTER TABLE [Items] ADD [SearchText] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206095638_ItemSearchText'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206095638_ItemSearchText', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206105304_SessionsAndAuditAccounts'
)
BEGIN
    ALTER TABLE [AuditRecords] ADD [ActorId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206105304_SessionsAndAuditAccounts'
)
BEGIN
    CREATE TABLE [UsedRefreshTokens] (
        [Hash] nvarchar(64) NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [UsedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        CONSTRAINT [PK_UsedRefreshTokens] PRIMARY KEY ([Hash])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206105304_SessionsAndAuditAccounts'
)
BEGIN
    CREATE INDEX [IX_AuditRecords_ActorId_At] ON [AuditRecords] ([ActorId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206105304_SessionsAndAuditAccounts'
)
BEGIN
    CREATE INDEX [IX_UsedRefreshTokens_ExpiresAt] ON [UsedRefreshTokens] ([ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206105304_SessionsAndAuditAccounts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206105304_SessionsAndAuditAccounts', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    ALTER TABLE [Notifications] ADD [AwaitsDigest] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE TABLE [LeaderInstructions] (
        [Id] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [GivenBy] nvarchar(100) NOT NULL,
        [GivenAt] datetime2 NOT NULL,
        [ReadAt] datetime2 NULL,
        [ReadBy] nvarchar(100) NULL,
        CONSTRAINT [PK_LeaderInstructions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LeaderInstructions_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE TABLE [ReminderScanDays] (
        [Day] date NOT NULL,
        [CompletedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ReminderScanDays] PRIMARY KEY ([Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE TABLE [SupervisionNotices] (
        [Id] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [Number] int NOT NULL,
        [DepartmentId] uniqueidentifier NULL,
        [Addressee] nvarchar(200) NOT NULL,
        [ReplyBy] date NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [IssuedBy] nvarchar(100) NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SupervisionNotices] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE TABLE [SupervisionNoticeItems] (
        [NoticeId] uniqueidentifier NOT NULL,
        [ItemId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_SupervisionNoticeItems] PRIMARY KEY ([NoticeId], [ItemId]),
        CONSTRAINT [FK_SupervisionNoticeItems_Items_ItemId] FOREIGN KEY ([ItemId]) REFERENCES [Items] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SupervisionNoticeItems_SupervisionNotices_NoticeId] FOREIGN KEY ([NoticeId]) REFERENCES [SupervisionNotices] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE INDEX [IX_Notifications_AwaitsDigest] ON [Notifications] ([AwaitsDigest]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE INDEX [IX_LeaderInstructions_ItemId_GivenAt] ON [LeaderInstructions] ([ItemId], [GivenAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE INDEX [IX_SupervisionNoticeItems_ItemId] ON [SupervisionNoticeItems] ([ItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SupervisionNotices_Year_Number] ON [SupervisionNotices] ([Year], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111206_RemindersThatReachEveryone'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206111206_RemindersThatReachEveryone', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206111250_LongerHistoryValues'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206111250_LongerHistoryValues', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206134434_RoundTagsAndDeadlineAdjustments'
)
BEGIN
    ALTER TABLE [Rounds] ADD [ShortName] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206134434_RoundTagsAndDeadlineAdjustments'
)
BEGIN
    ALTER TABLE [Items] ADD [DeadlineAdjustments] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206134434_RoundTagsAndDeadlineAdjustments'
)
BEGIN
    ALTER TABLE [Items] ADD [OriginalDueDate] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206134434_RoundTagsAndDeadlineAdjustments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206134434_RoundTagsAndDeadlineAdjustments', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    ALTER TABLE [ReminderSettings] ADD [DueSoonWorkingDays] int NOT NULL DEFAULT 3;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    ALTER TABLE [Items] ADD [DeadlineKey] date NOT NULL DEFAULT '0001-01-01';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_DeadlineKey] ON [Items] ([DeadlineKey], [Id], [Status]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_LeadDepartmentId_DeadlineKey] ON [Items] ([LeadDepartmentId], [DeadlineKey], [Id], [Status]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_LeadDepartmentId_RoundId] ON [Items] ([LeadDepartmentId], [RoundId], [Kind], [Number], [Id], [Status], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_LeadDepartmentId_Status] ON [Items] ([LeadDepartmentId], [Status], [Id], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_LeadDepartmentId_UpdatedAt] ON [Items] ([LeadDepartmentId], [UpdatedAt], [Id], [Status], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_RoundId] ON [Items] ([RoundId], [Kind], [Number], [Id], [Status], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_Status] ON [Items] ([Status], [Id], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_UpdatedAt] ON [Items] ([UpdatedAt], [Id], [Status], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135157_WarningLevelsAndOpenItemIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206135157_WarningLevelsAndOpenItemIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150343_DashboardFromIndexes'
)
BEGIN
    CREATE INDEX [IX_Items_CreatedAt] ON [Items] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150343_DashboardFromIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_OriginalDueDate] ON [Items] ([OriginalDueDate], [DeadlineKey], [Status]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150343_DashboardFromIndexes'
)
BEGIN
    CREATE INDEX [IX_Items_RoundFigures] ON [Items] ([RoundId], [Status], [DeadlineKey], [ClosedLate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150343_DashboardFromIndexes'
)
BEGIN
    CREATE INDEX [IX_ItemHistory_Change_At] ON [ItemHistory] ([Change], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150343_DashboardFromIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206150343_DashboardFromIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150956_NarrowCountIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_Count_DeadlineKey] ON [Items] ([DeadlineKey], [Status]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150956_NarrowCountIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_Items_Open_Count_Status] ON [Items] ([Status], [DeadlineKey]) WHERE "Status" < 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206150956_NarrowCountIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206150956_NarrowCountIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206155205_SearchMeasuresAndProgress'
)
BEGIN
    DECLARE @var9 nvarchar(max);
    SELECT @var9 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Items]') AND [c].[name] = N'SearchText');
    IF @var9 IS NOT NULL EXEC(N'ALTER TABLE [Items] DROP CONSTRAINT ' + @var9 + ';');
    ALTER TABLE [Items] DROP COLUMN [SearchText];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206155205_SearchMeasuresAndProgress'
)
BEGIN
    ALTER TABLE [Items] ADD [SearchDocument] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206155205_SearchMeasuresAndProgress'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206155205_SearchMeasuresAndProgress', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160518_CloseOutMoveIndexes'
)
BEGIN
    DROP INDEX [IX_ItemHistory_Change_At] ON [ItemHistory];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160518_CloseOutMoveIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_ItemHistory_CloseOuts] ON [ItemHistory] ([At]) WHERE "Change" = 4 AND "To" = ''ClosedOut''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160518_CloseOutMoveIndexes'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_ItemHistory_Reopenings] ON [ItemHistory] ([At]) WHERE "Change" = 4 AND "From" = ''ClosedOut''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160518_CloseOutMoveIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206160518_CloseOutMoveIndexes', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160837_KeywordMatchIndex'
)
BEGIN
    CREATE INDEX [IX_Items_KeywordMatches] ON [Items] ([Id], [Status], [DeadlineKey], [RoundId], [Kind], [Number], [LeadDepartmentId], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206160837_KeywordMatchIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206160837_KeywordMatchIndex', N'10.0.14');
END;

COMMIT;
GO

