using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.API.Model;

/// <summary>A person as administrators see it (never the password hash).</summary>
public sealed record PersonView(string UserName, string DisplayName, string Role, string? Binding, string? Unit, bool Disabled)
{
    public static PersonView Of(Person p) => new(p.UserName, p.DisplayName, p.Role, p.Binding, p.Unit, p.Disabled);
}

/// <summary>The people who sign in at the console; passwords are checked against salted PBKDF2 hashes only.</summary>
public sealed class PeopleDirectory(IdentityContext db, IPasswordHasher<Person> hasher)
{
    public Task<Person?> FindAsync(string userName, CancellationToken cancellationToken) =>
        db.People.SingleOrDefaultAsync(p => p.UserName == userName, cancellationToken);

    public Task<Person?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        db.People.SingleOrDefaultAsync(p => p.Id == id && !p.Disabled, cancellationToken);

    /// <summary>The person when the name and password match an enabled account, else null (which of the two was wrong is not told).</summary>
    public async Task<Person?> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var person = await FindAsync(userName, cancellationToken);
        if (person is null)
        {
            // Hash anyway, so a missing name takes as long as a wrong password.
            hasher.HashPassword(new Person { UserName = "", DisplayName = "", PasswordHash = "", Role = "" }, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            person.PasswordHash = hasher.HashPassword(person, password);
            await db.SaveChangesAsync(cancellationToken);
        }
        return result == PasswordVerificationResult.Failed || person.Disabled ? null : person;
    }

    public async Task<IReadOnlyList<PersonView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.People.AsNoTracking().OrderBy(p => p.UserName).ToListAsync(cancellationToken)).Select(PersonView.Of)];

    /// <summary>Adds the person; false when the user name is taken (also when another request took it first).</summary>
    public async Task<bool> AddAsync(string userName, string displayName, string password, Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var person = new Person
        {
            UserName = userName, DisplayName = displayName, PasswordHash = "",
            Role = assignment.Role.Name, Binding = assignment.Binding, Unit = assignment.Unit,
        };
        person.PasswordHash = hasher.HashPassword(person, password);
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(person).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// Gives an account made before units existed the unit its seed now names: only when it has none and still holds the
    /// role the unit was checked for, so nothing an administrator set is changed. True when it did.
    /// </summary>
    public async Task<bool> FillUnitAsync(string userName, Assignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Unit is null || await FindAsync(userName, cancellationToken) is not { Unit: null } person || person.Role != assignment.Role.Name)
        {
            return false;
        }
        person.Unit = assignment.Unit;
        person.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<PersonView?> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken)
    {
        if (await FindAsync(userName, cancellationToken) is not { } person)
        {
            return null;
        }
        person.Disabled = disabled;
        person.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return PersonView.Of(person);
    }
}
