// The syntax of the pgc language (docs/language.md). Pure grammar: no actions, no semantic
// predicates. Rule and label names are read by src/syntax/, which builds the AST from them.
parser grammar PgcParser;

options { tokenVocab = PgcLexer; }

program : item* EOF;

item
    : importDecl
    | decorator* declaration
    | SEMI
    ;

declaration
    : projectDecl
    | paramDecl
    | letDecl
    | environmentDecl
    | clusterDecl
    | schemaDecl
    | roleDecl
    | outputDecl
    ;

importDecl      : IMPORT string (AS ident)?;
projectDecl     : PROJECT string block;
paramDecl       : PARAM ident COLON ident (ASSIGN expr)?;
letDecl         : LET ident ASSIGN expr;
environmentDecl : ENVIRONMENT ident (EXTENDS qualifiedName)? block;
clusterDecl     : CLUSTER ident block;
schemaDecl      : SCHEMA ident (ON ident)? DISTRIBUTED? LBRACE schemaItem* RBRACE;
roleDecl        : ROLE ident (ON ident)? block;
outputDecl      : OUTPUT ident ASSIGN expr;

decorator : AT ident (LPAREN arguments? RPAREN)?;

// Blocks: the bodies of project, environment, cluster, role and their nested blocks.
block : LBRACE blockItem* RBRACE;

blockItem
    : letDecl
    | ident ASSIGN expr
    | WHEN expr block
    | grantStmt
    | ident block
    | SEMI
    ;

grantStmt   : GRANT privilege (COMMA privilege)* ON grantTarget;
privilege   : ident;
grantTarget
    : SCHEMA qualifiedName
    | TABLE qualifiedName
    | ALL TABLES IN SCHEMA qualifiedName
    ;

// Schemas and tables.
schemaItem : tableDecl | SEMI;

tableDecl : decorator* TABLE ident distribution? LBRACE tableItem* RBRACE;

distribution
    : DISTRIBUTED BY ident (COLOCATE WITH qualifiedName)? (SHARDS expr)?
    | REFERENCE
    | LOCAL
    ;

tableItem
    : indexDecl
    | tableConstraint
    | columnDecl
    | SEMI
    ;

columnDecl : decorator* ident columnType columnConstraint*;

columnType : ident (LPAREN INT (COMMA INT)? RPAREN)? (LBRACK RBRACK)*;

columnConstraint
    : NOT NULL_KW
    | NULL_KW
    | PRIMARY KEY
    | UNIQUE
    | DEFAULT RAW_SQL
    | CHECK RAW_SQL
    | REFERENCES qualifiedName LPAREN ident RPAREN referentialAction*
    | GENERATED ALWAYS AS IDENTITY
    | GENERATED ALWAYS AS RAW_SQL STORED
    ;

tableConstraint
    : (CONSTRAINT ident)? PRIMARY KEY columnList
    | (CONSTRAINT ident)? UNIQUE columnList
    | (CONSTRAINT ident)? FOREIGN KEY columnList REFERENCES qualifiedName columnList referentialAction*
    | (CONSTRAINT ident)? CHECK RAW_SQL
    ;

columnList : LPAREN ident (COMMA ident)* COMMA? RPAREN;

referentialAction : ON (DELETE | UPDATE) referentialEffect;

referentialEffect
    : CASCADE
    | RESTRICT
    | SET NULL_KW
    | SET DEFAULT
    | NO ACTION
    ;

indexDecl : UNIQUE? INDEX ident? LPAREN indexElement (COMMA indexElement)* COMMA? RPAREN
            (USING ident)? (WHERE RAW_SQL)?;

indexElement : ident | RAW_SQL;

// Expressions, loosest binding last.
expr
    : primary                                                  # primaryExpr
    | expr DOT ident                                           # memberExpr
    | expr LPAREN arguments? RPAREN                            # callExpr
    | op=(BANG | MINUS) expr                                   # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                    # binaryExpr
    | expr op=(PLUS | MINUS) expr                              # binaryExpr
    | expr op=(LT | LE | GT | GE) expr                         # binaryExpr
    | expr NOT? IN expr                                        # inExpr
    | expr op=(EQEQ | NEQ) expr                                # binaryExpr
    | expr op=ANDAND expr                                      # binaryExpr
    | expr op=OROR expr                                        # binaryExpr
    | <assoc=right> expr QUESTION expr COLON expr              # conditionalExpr
    ;

primary
    : INT                                                      # intLiteral
    | UNIT_NUMBER                                              # unitLiteral
    | (TRUE | FALSE)                                           # boolLiteral
    | string                                                   # stringLiteral
    | ident                                                    # nameRef
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK               # listLiteral
    | LBRACE (objectEntry (COMMA | SEMI)?)* RBRACE             # objectLiteral
    | LPAREN expr RPAREN                                       # parenExpr
    ;

objectEntry : (ident | string) ASSIGN expr;

arguments : argument (COMMA argument)* COMMA?;
argument  : (ident ASSIGN)? expr;

string     : STRING_OPEN stringPart* STRING_CLOSE;
stringPart
    : STRING_TEXT                                              # textPart
    | STRING_ESCAPE                                            # escapePart
    | BAD_ESCAPE                                               # badEscapePart
    | INTERP_OPEN expr RBRACE                                  # interpolationPart
    ;

qualifiedName : ident (DOT ident)*;

// Keywords are reserved only where the grammar needs them; anywhere a name stands, any
// keyword but `true` and `false` is a name too (a column may be called `key` or `action`).
ident
    : IDENT
    | IMPORT | AS | PROJECT | PARAM | LET | ENVIRONMENT | EXTENDS | CLUSTER | SCHEMA | ON
    | DISTRIBUTED | BY | COLOCATE | WITH | SHARDS | REFERENCE | LOCAL | TABLE | TABLES | ROLE
    | GRANT | OUTPUT | WHEN | IN | NOT | NULL_KW | PRIMARY | KEY | UNIQUE | DEFAULT | CHECK
    | REFERENCES | FOREIGN | CONSTRAINT | DELETE | UPDATE | CASCADE | RESTRICT | SET | NO
    | ACTION | GENERATED | ALWAYS | IDENTITY | STORED | INDEX | USING | WHERE | ALL
    ;
